package vn.loa.app.amplify;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.loa.app.config.LoaProperties;
import vn.loa.campaigns.amplify.TrackedLinks;

/**
 * Tracked-link clicks, counted in memory and written in batches: a redirect makes no database
 * write. Counts are exact: each (pack, day) has two atomic counters taken with getAndSet(0) at
 * each flush, and put back if the write fails. What a crash between two flushes loses is the
 * clicks of that interval ({@code loa.amplify.flush-every}, 5 s by default); a normal shutdown
 * flushes first. No address and no user agent is kept; a user agent is only looked at to count
 * known bots (link-preview fetchers, crawlers) apart.
 */
@Component
public class LinkClicks {

    private static final Logger log = LoggerFactory.getLogger(LinkClicks.class);
    private static final Pattern BOT = Pattern.compile(
            "(?i)(bot\\b|bot/|crawler|spider|slurp|facebookexternalhit|facebot|preview|curl/|wget/|python-requests"
                    + "|go-http-client|headless|monitor)");
    private static final int NEGATIVE_CACHE_MAX = 10_000;

    /** Where a code leads, and whose pack it is. */
    public record Target(long packId, String url) {}

    private record Key(long packId, LocalDate day) {}

    private record Counts(AtomicLong humans, AtomicLong bots) {}

    /** What one flush took from a (pack, day)'s counters, to be put back if the write fails. */
    private record Taken(Key key, long humans, long bots) {}

    private final Map<String, Target> targets = new ConcurrentHashMap<>();
    private final Map<String, Boolean> unknown = new ConcurrentHashMap<>();
    private final Map<Key, Counts> counts = new ConcurrentHashMap<>();
    private final JdbcPackRepository packs;
    private final JdbcTemplate template;
    private final ZoneId zone;
    private final Clock clock;

    LinkClicks(JdbcPackRepository packs, JdbcTemplate template, LoaProperties loa, Clock clock) {
        this.packs = packs;
        this.template = template;
        this.zone = loa.cityZone();
        this.clock = clock;
    }

    /** The target of a code; read from the database once, then from memory (a code's target never changes). */
    public Optional<Target> resolve(String code) {
        if (!TrackedLinks.looksLikeCode(code)) {
            return Optional.empty();
        }
        var known = targets.get(code);
        if (known != null) {
            return Optional.of(known);
        }
        if (unknown.containsKey(code)) {
            return Optional.empty();
        }
        var found = packs.linkTarget(code);
        if (found.isPresent()) {
            targets.put(code, found.get());
        } else {
            if (unknown.size() >= NEGATIVE_CACHE_MAX) {
                unknown.clear(); // codes guessed at random must not grow memory without bound
            }
            unknown.put(code, Boolean.TRUE);
        }
        return found;
    }

    /** A pack made after a code was looked up in vain: forget the miss. */
    public void forgetMisses() {
        unknown.clear();
    }

    public void count(long packId, String userAgent) {
        var key = new Key(packId, LocalDate.ofInstant(clock.instant(), zone));
        var c = counts.computeIfAbsent(key, k -> new Counts(new AtomicLong(), new AtomicLong()));
        (isBot(userAgent) ? c.bots() : c.humans()).incrementAndGet();
    }

    static boolean isBot(String userAgent) {
        return userAgent == null
                || userAgent.isBlank()
                || BOT.matcher(userAgent).find();
    }

    /** Writes what was counted since the last flush in one statement; returns the clicks written. */
    public synchronized long flush() {
        var taken = new ArrayList<Taken>();
        long total = 0;
        for (var e : counts.entrySet()) {
            long humans = e.getValue().humans().getAndSet(0);
            long bots = e.getValue().bots().getAndSet(0);
            if (humans == 0 && bots == 0) {
                continue;
            }
            taken.add(new Taken(e.getKey(), humans, bots));
            total += humans + bots;
        }
        if (taken.isEmpty()) {
            dropOldDays();
            return 0;
        }
        try {
            var values = new StringBuilder();
            var params = new ArrayList<Object>();
            for (var t : taken) {
                values.append(
                        params.isEmpty()
                                ? "(CAST(? AS BIGINT), CAST(? AS DATE), CAST(? AS BIGINT), CAST(? AS BIGINT))"
                                : ", (?, ?, ?, ?)");
                params.addAll(List.of(t.key().packId(), t.key().day(), t.humans(), t.bots()));
            }
            template.update(
                    "MERGE INTO link_click_daily t USING (VALUES " + values
                            + ") AS s (pack_id, stat_day, clicks, bot_clicks) ON t.pack_id = s.pack_id AND t.stat_day = s.stat_day"
                            + " WHEN MATCHED THEN UPDATE SET clicks = t.clicks + s.clicks, bot_clicks = t.bot_clicks + s.bot_clicks"
                            + " WHEN NOT MATCHED THEN INSERT (pack_id, stat_day, clicks, bot_clicks)"
                            + " VALUES (s.pack_id, s.stat_day, s.clicks, s.bot_clicks)",
                    params.toArray());
        } catch (RuntimeException e) {
            // Put the counts back: they go with the next flush.
            for (var t : taken) {
                var c = counts.computeIfAbsent(t.key(), k -> new Counts(new AtomicLong(), new AtomicLong()));
                c.humans().addAndGet(t.humans());
                c.bots().addAndGet(t.bots());
            }
            log.warn("Link clicks not written this time ({} clicks kept for the next flush)", total, e);
            return 0;
        }
        dropOldDays();
        return total;
    }

    /** Counters of past days that are empty can go. */
    private void dropOldDays() {
        var today = LocalDate.ofInstant(clock.instant(), zone);
        counts.entrySet()
                .removeIf(e -> e.getKey().day().isBefore(today)
                        && e.getValue().humans().get() == 0
                        && e.getValue().bots().get() == 0);
    }
}
