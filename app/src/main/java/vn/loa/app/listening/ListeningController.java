package vn.loa.app.listening;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.app.api.ApiTimes;
import vn.loa.app.config.LoaProperties;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Permissions;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.listening.Topic;
import vn.loa.campaigns.listening.TopicDraft;
import vn.loa.campaigns.listening.Watchlists;
import vn.loa.campaigns.shared.InvalidInput;

/**
 * Listening over HTTP: watchlists of topics and rumours per theme, their trends, the comments
 * flagged for rebuttal, the signals, and the one action that drafts a rebuttal from a signal or a
 * comment. Planners, approvers and administrators keep watchlists; leadership reads.
 */
@RestController
@RequestMapping("/api/listening")
class ListeningController {

    record TopicView(
            long id,
            String name,
            String kind,
            List<String> phrases,
            List<Long> themeIds,
            boolean active,
            String createdBy,
            OffsetDateTime updatedAt) {}

    record Active(Boolean active) {}

    record Hour(OffsetDateTime hour, long comments) {}

    record Day(LocalDate day, long comments) {}

    record Trend(long topicId, String name, List<Hour> hours, List<Day> days, long total) {}

    record CommentView(
            long id,
            long deliveryId,
            long channelId,
            long themeId,
            String text,
            OffsetDateTime createdAt,
            long likeCount,
            String author,
            Long rumourId,
            String rumour) {}

    record SignalView(
            long id,
            String kind,
            Long topicId,
            long channelId,
            Long deliveryId,
            Long commentId,
            OffsetDateTime detectedAt,
            Long hourCount,
            Double baselineMean,
            Double threshold,
            List<Long> examples,
            Long contentId,
            OffsetDateTime draftedAt) {}

    private static final Role[] READ = {Role.PLANNER, Role.APPROVER, Role.ADMIN, Role.LEADERSHIP};
    private static final Duration MAX_TREND = Duration.ofDays(92);

    private final Watchlists watchlists;
    private final CommentStore comments;
    private final SignalStore signals;
    private final RapidResponse rapid;
    private final ApiTimes times;
    private final LoaProperties loa;
    private final Clock clock;

    ListeningController(
            Watchlists watchlists,
            CommentStore comments,
            SignalStore signals,
            RapidResponse rapid,
            ApiTimes times,
            LoaProperties loa,
            Clock clock) {
        this.watchlists = watchlists;
        this.comments = comments;
        this.signals = signals;
        this.rapid = rapid;
        this.times = times;
        this.loa = loa;
        this.clock = clock;
    }

    @GetMapping("/topics")
    List<TopicView> topics(@RequestParam(required = false) Long themeId, Actor actor) {
        return watchlists.listTopics(themeId, actor).stream().map(this::view).toList();
    }

    @GetMapping("/topics/{id}")
    TopicView topic(@PathVariable long id, Actor actor) {
        return view(watchlists.getTopic(id, actor));
    }

    @PostMapping("/topics")
    @ResponseStatus(HttpStatus.CREATED)
    TopicView add(@RequestBody TopicDraft body, Actor actor) {
        return view(watchlists.addTopic(body, actor));
    }

    @PutMapping("/topics/{id}")
    TopicView change(@PathVariable long id, @RequestBody TopicDraft body, Actor actor) {
        return view(watchlists.changeTopic(id, body, actor));
    }

    @PutMapping("/topics/{id}/active")
    TopicView active(@PathVariable long id, @RequestBody Active body, Actor actor) {
        if (body == null || body.active() == null) {
            throw InvalidInput.of("active", "is required");
        }
        return view(watchlists.setActive(id, body.active(), actor));
    }

    /** Comments per hour and per day (in the city's zone) of one topic, over all channels or one. */
    @GetMapping("/topics/{id}/trend")
    Trend trend(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) Long channelId,
            Actor actor) {
        var topic = watchlists.getTopic(id, actor);
        var end = to == null ? clock.instant() : to.toInstant();
        var start = from == null ? end.minus(Duration.ofDays(7)) : from.toInstant();
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(MAX_TREND) > 0) {
            throw InvalidInput.of("from", "must be before 'to' and at most 92 days before it");
        }
        return trendOf(topic, start, end, channelId);
    }

    Trend trendOf(Topic topic, Instant start, Instant end, Long channelId) {
        var byHour = new TreeMap<Instant, Long>();
        for (var h : comments.hourly(topic.id(), channelId, start, end)) {
            byHour.merge(h.hourStart(), h.comments(), Long::sum);
        }
        var byDay = new TreeMap<LocalDate, Long>();
        byHour.forEach((hour, n) -> byDay.merge(LocalDate.ofInstant(hour, loa.cityZone()), n, Long::sum));
        var hours = new ArrayList<Hour>();
        byHour.forEach((hour, n) -> hours.add(new Hour(times.inCity(hour), n)));
        var days = new ArrayList<Day>();
        byDay.forEach((day, n) -> days.add(new Day(day, n)));
        return new Trend(
                topic.id(),
                topic.name(),
                hours,
                days,
                byHour.values().stream().mapToLong(Long::longValue).sum());
    }

    /** Comments that mention a rumour, newest first (the last 7 days by default). */
    @GetMapping("/comments/flagged")
    List<CommentView> flagged(
            @RequestParam(required = false) Long themeId,
            @RequestParam(defaultValue = "7") int days,
            @RequestParam(defaultValue = "100") int limit,
            Actor actor) {
        Permissions.requireAny(actor, "see listening", READ);
        if (days < 1 || days > 92) {
            throw InvalidInput.of("days", "must be 1-92");
        }
        if (limit < 1 || limit > 500) {
            throw InvalidInput.of("limit", "must be 1-500");
        }
        var names = new HashMap<Long, String>();
        watchlists.listTopics(null, actor).forEach(t -> names.put(t.id(), t.name()));
        return comments.flagged(themeId, clock.instant().minus(Duration.ofDays(days)), limit).stream()
                .map(e -> view(e.getValue(), e.getKey(), names.get(e.getKey())))
                .toList();
    }

    @GetMapping("/signals")
    List<SignalView> signals(@RequestParam(defaultValue = "100") int limit, Actor actor) {
        Permissions.requireAny(actor, "see listening", READ);
        if (limit < 1 || limit > 500) {
            throw InvalidInput.of("limit", "must be 1-500");
        }
        return signals.recent(limit).stream().map(this::view).toList();
    }

    @PostMapping("/signals/{id}/rebuttal")
    @ResponseStatus(HttpStatus.CREATED)
    RapidResponse.Drafted rebutSignal(@PathVariable long id, Actor actor) {
        return rapid.fromSignal(id, actor);
    }

    @PostMapping("/comments/{id}/rebuttal")
    @ResponseStatus(HttpStatus.CREATED)
    RapidResponse.Drafted rebutComment(@PathVariable long id, Actor actor) {
        return rapid.fromComment(id, actor);
    }

    private TopicView view(Topic t) {
        return new TopicView(
                t.id(),
                t.name(),
                t.kind().name(),
                t.phrases(),
                t.themeIds().stream().sorted().toList(),
                t.active(),
                t.createdBy(),
                times.inCity(t.updatedAt()));
    }

    private CommentView view(CommentStore.StoredComment c, Long rumourId, String rumour) {
        return new CommentView(
                c.id(),
                c.deliveryId(),
                c.channelId(),
                c.themeId(),
                c.body(),
                times.inCity(c.createdAt()),
                c.likeCount(),
                c.authorHash() == null ? null : c.authorHash().substring(0, 12),
                rumourId,
                rumour);
    }

    private SignalView view(SignalStore.Signal signal) {
        var s = signal.what();
        return new SignalView(
                signal.id(),
                s.kind().name(),
                s.topicId(),
                s.channelId(),
                s.deliveryId(),
                s.commentId(),
                times.inCity(s.detectedAt()),
                s.hourCount(),
                s.baselineMean(),
                s.threshold(),
                s.examples(),
                signal.contentId(),
                times.inCity(signal.draftedAt()));
    }
}
