package vn.loa.app.delivery;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.loa.app.api.ApiTimes;
import vn.loa.campaigns.channel.Channel;
import vn.loa.campaigns.channel.ChannelRepository;
import vn.loa.campaigns.delivery.Delivery;
import vn.loa.campaigns.delivery.DeliveryStatus;
import vn.loa.connectors.Platform;
import vn.loa.connectors.PublishWarning;

/** Shows deliveries with their times in the zone of the channel they go to. */
@Component
public class DeliveryViews {

    public record DeliveryView(
            long id,
            long contentId,
            long channelId,
            String channelName,
            Platform platform,
            String zone,
            OffsetDateTime scheduledAt,
            DeliveryStatus status,
            String externalRef,
            String failureReason,
            OffsetDateTime publishedAt,
            List<NoticeView> notices) {}

    /** What the platform did not do of what was asked with the post (it went out all the same). */
    public record NoticeView(PublishWarning.Kind kind, String platformCode, String message, OffsetDateTime at) {}

    private final ChannelRepository channels;
    private final DeliveryNotices notices;

    DeliveryViews(ChannelRepository channels, DeliveryNotices notices) {
        this.channels = channels;
        this.notices = notices;
    }

    public List<DeliveryView> of(List<Delivery> deliveries) {
        var ids = new HashSet<Long>();
        deliveries.forEach(d -> ids.add(d.channelId()));
        Map<Long, Channel> byId =
                channels.findAll(ids).stream().collect(Collectors.toMap(Channel::id, Function.identity()));
        // One query for the notices of the whole page.
        var noticed = notices.of(deliveries.stream().map(Delivery::id).toList());
        return deliveries.stream()
                .map(d -> view(d, byId.get(d.channelId()), noticed.getOrDefault(d.id(), List.of())))
                .toList();
    }

    public DeliveryView of(Delivery d) {
        return of(List.of(d)).get(0);
    }

    private static DeliveryView view(Delivery d, Channel c, List<DeliveryNotices.Notice> notices) {
        return new DeliveryView(
                d.id(),
                d.contentId(),
                d.channelId(),
                c.displayName(),
                c.platform(),
                c.zone().getId(),
                ApiTimes.in(d.scheduledAt(), c.zone()),
                d.status(),
                d.externalRef(),
                d.failureReason(),
                ApiTimes.in(d.publishedAt(), c.zone()),
                notices.stream()
                        .map(n ->
                                new NoticeView(n.kind(), n.platformCode(), n.message(), ApiTimes.in(n.at(), c.zone())))
                        .toList());
    }
}
