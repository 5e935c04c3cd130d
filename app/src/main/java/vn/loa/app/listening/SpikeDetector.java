package vn.loa.app.listening;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.loa.app.alert.AlertKind;
import vn.loa.app.alert.Alerts;
import vn.loa.campaigns.channel.ChannelRepository;
import vn.loa.campaigns.listening.SpikeRule;

/**
 * After comments are read: every topic and channel with a match in the last hour is judged by the
 * spike rule against the 24 hours before; a spike becomes a signal and an alert naming the topic,
 * the channel and example comments — once per topic and channel within the cool-down.
 */
@Component
public class SpikeDetector {

    /** A topic's comments far above their baseline on a channel. */
    public static final AlertKind LISTENING_SPIKE = new AlertKind("LISTENING_SPIKE");

    private static final Logger log = LoggerFactory.getLogger(SpikeDetector.class);
    static final int EXAMPLES = 3;

    private final CommentStore comments;
    private final SignalStore signals;
    private final CommentCollector collector;
    private final ChannelRepository channels;
    private final Alerts alerts;
    private final ListeningProperties properties;
    private final Clock clock;

    public SpikeDetector(
            CommentStore comments,
            SignalStore signals,
            CommentCollector collector,
            ChannelRepository channels,
            Alerts alerts,
            ListeningProperties properties,
            Clock clock) {
        this.comments = comments;
        this.signals = signals;
        this.collector = collector;
        this.channels = channels;
        this.alerts = alerts;
        this.properties = properties;
        this.clock = clock;
    }

    /** Judges every topic and channel active in the last hour; returns how many spikes were signalled. */
    public int detect() {
        var now = clock.instant();
        var hourAgo = now.minus(Duration.ofHours(1));
        SpikeRule rule = properties.spikeRule();
        var topics = collector.topicsById();
        int raised = 0;
        for (var pair : comments.activePairs(hourAgo)) {
            long topicId = pair.getKey();
            long channelId = pair.getValue();
            var topic = topics.get(topicId);
            if (topic == null || !topic.active()) {
                continue;
            }
            var hours = comments.rollingHours(topicId, channelId, now, 25);
            var spike = rule.judge(hours[0], Arrays.copyOfRange(hours, 1, 25));
            if (spike.isEmpty() || signals.spikeSince(topicId, channelId, now.minus(properties.spikeCooldown()))) {
                continue;
            }
            var examples = comments.topComments(topicId, channelId, hourAgo, now, EXAMPLES);
            var s = spike.get();
            signals.insert(new SignalStore.NewSignal(
                    SignalKind.SPIKE,
                    topicId,
                    channelId,
                    examples.isEmpty() ? null : examples.get(0).deliveryId(),
                    null,
                    now,
                    s.count(),
                    s.baselineMean(),
                    s.threshold(),
                    examples.stream().map(CommentStore.StoredComment::id).toList()));
            var channel = channels.find(channelId).map(c -> c.label()).orElse("channel " + channelId);
            var message = "Spike: \"" + topic.name() + "\" on " + channel + " — " + s.count()
                    + " comments in the last hour (24-hour mean " + String.format("%.1f", s.baselineMean())
                    + "). e.g. "
                    + examples.stream()
                            .map(c -> "\"" + shorten(c.body()) + "\"")
                            .collect(Collectors.joining("; "));
            alerts.raise(LISTENING_SPIKE, channelId, null, message);
            log.warn(message);
            raised++;
        }
        return raised;
    }

    private static String shorten(String text) {
        return text.length() <= 140 ? text : text.substring(0, 139) + "…";
    }
}
