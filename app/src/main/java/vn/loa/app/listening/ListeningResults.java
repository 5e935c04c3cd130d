package vn.loa.app.listening;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import vn.loa.app.config.LoaProperties;

/**
 * Listening in the period reports: each theme's topics with the comments that mentioned them, and
 * the time from signal to rebuttal per theme, step by step (signal → draft → approval → live on the
 * official channel → first partner share).
 */
@Component
public class ListeningResults {

    /** Comments that mentioned one topic of one theme in the period (a comment counts once per topic). */
    public record TopicVolume(long themeId, long topicId, String topic, String kind, long comments) {}

    /** One rebuttal's steps, as stored; a step not reached yet is null. */
    public record Timing(
            long themeId,
            long signalId,
            long contentId,
            Instant signal,
            Instant drafted,
            Instant approved,
            Instant live,
            Instant firstShare) {}

    /** Medians in minutes per theme (null where no rebuttal reached the step). */
    public record ThemeTimes(
            long themeId,
            int rebuttals,
            int live,
            Double signalToDraft,
            Double draftToApproval,
            Double approvalToLive,
            Double signalToLive,
            Double liveToFirstShare) {}

    public record Results(List<TopicVolume> topics, List<ThemeTimes> rebuttals) {}

    private final CommentStore comments;
    private final SignalStore signals;
    private final ZoneId zone;

    public ListeningResults(CommentStore comments, SignalStore signals, LoaProperties loa) {
        this.comments = comments;
        this.signals = signals;
        this.zone = loa.cityZone();
    }

    /** Over the days [from, to] in the city's zone. */
    public Results forPeriod(LocalDate from, LocalDate to) {
        var start = from.atStartOfDay(zone).toInstant();
        var end = to.plusDays(1).atStartOfDay(zone).toInstant();
        return new Results(comments.topicVolumes(start, end), times(signals.timings(start, end)));
    }

    static List<ThemeTimes> times(List<Timing> timings) {
        var byTheme = new LinkedHashMap<Long, List<Timing>>();
        timings.forEach(t ->
                byTheme.computeIfAbsent(t.themeId(), k -> new ArrayList<>()).add(t));
        var result = new ArrayList<ThemeTimes>();
        byTheme.forEach((theme, list) -> result.add(new ThemeTimes(
                theme,
                list.size(),
                (int) list.stream().filter(t -> t.live() != null).count(),
                median(list, Timing::signal, Timing::drafted),
                median(list, Timing::drafted, Timing::approved),
                median(list, Timing::approved, Timing::live),
                median(list, Timing::signal, Timing::live),
                median(list, Timing::live, Timing::firstShare))));
        return result;
    }

    private static Double median(List<Timing> list, Function<Timing, Instant> from, Function<Timing, Instant> to) {
        var minutes = list.stream()
                .filter(t -> from.apply(t) != null && to.apply(t) != null)
                .mapToDouble(t -> Duration.between(from.apply(t), to.apply(t)).toSeconds() / 60.0)
                .sorted()
                .toArray();
        if (minutes.length == 0) {
            return null;
        }
        int mid = minutes.length / 2;
        return minutes.length % 2 == 1 ? minutes[mid] : (minutes[mid - 1] + minutes[mid]) / 2;
    }
}
