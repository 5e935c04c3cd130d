package vn.loa.app.delivery;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.app.api.ApiTimes;
import vn.loa.app.api.AuditView;
import vn.loa.app.api.PageView;
import vn.loa.app.delivery.DeliveryViews.DeliveryView;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.delivery.DeliveryFilter;
import vn.loa.campaigns.delivery.DeliveryStatus;
import vn.loa.campaigns.shared.PageRequest;
import vn.loa.campaigns.workflow.PublishedPosts;
import vn.loa.campaigns.workflow.Scheduling;

@RestController
@RequestMapping("/api/deliveries")
class DeliveryController {

    record Reason(String reason) {}

    record NewTime(OffsetDateTime at) {}

    private final Scheduling scheduling;
    private final PublishedPosts published;
    private final DeliveryViews views;
    private final ApiTimes times;

    DeliveryController(Scheduling scheduling, PublishedPosts published, DeliveryViews views, ApiTimes times) {
        this.scheduling = scheduling;
        this.published = published;
        this.views = views;
        this.times = times;
    }

    /** Deliveries in time order; a partner admin sees only those to their organisation's channels. */
    @GetMapping
    PageView<DeliveryView> find(
            @RequestParam(required = false) Long campaignId,
            @RequestParam(required = false) Long themeId,
            @RequestParam(required = false) Long channelId,
            @RequestParam(required = false) Long contentId,
            @RequestParam(required = false) DeliveryStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Actor actor) {
        var filter =
                new DeliveryFilter(campaignId, themeId, channelId, contentId, status, ApiTimes.range(from, to), null);
        var found = scheduling.findDeliveries(filter, PageRequest.of(page, size), actor);
        return new PageView<>(
                views.of(found.items()), found.page(), found.size(), found.totalItems(), found.totalPages());
    }

    @GetMapping("/{id}")
    DeliveryView get(@PathVariable long id, Actor actor) {
        return views.of(scheduling.getDelivery(id, actor));
    }

    @GetMapping("/{id}/history")
    List<AuditView> history(@PathVariable long id, Actor actor) {
        return scheduling.deliveryHistory(id, actor).stream()
                .map(e -> AuditView.of(e, times))
                .toList();
    }

    /** Moves a delivery that has not gone out; one the platform's scheduler held is withdrawn from it first. */
    @PostMapping("/{id}/reschedule")
    DeliveryView reschedule(@PathVariable long id, @RequestBody(required = false) NewTime body, Actor actor) {
        return views.of(scheduling.reschedule(id, body == null ? null : body.at(), actor));
    }

    /** Deletes a published post from its platform. */
    @PostMapping("/{id}/remove")
    DeliveryView remove(@PathVariable long id, @RequestBody(required = false) Reason body, Actor actor) {
        published.removePublished(id, actor, body == null ? null : body.reason());
        return views.of(scheduling.getDelivery(id, actor));
    }

    @PostMapping("/{id}/cancel")
    DeliveryView cancel(@PathVariable long id, @RequestBody(required = false) Reason body, Actor actor) {
        return views.of(scheduling.cancelDelivery(id, actor, body == null ? null : body.reason()));
    }
}
