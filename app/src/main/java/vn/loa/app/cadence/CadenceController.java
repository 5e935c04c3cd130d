package vn.loa.app.cadence;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.app.delivery.DeliveryViews;
import vn.loa.app.delivery.DeliveryViews.DeliveryView;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.cadence.Cadence;
import vn.loa.campaigns.cadence.Cadences;

@RestController
class CadenceController {

    record CadenceView(
            long id,
            long channelId,
            long campaignId,
            String name,
            Set<DayOfWeek> days,
            LocalTime time,
            boolean active) {

        static CadenceView of(Cadence c) {
            return new CadenceView(c.id(), c.channelId(), c.campaignId(), c.name(), c.days(), c.time(), c.active());
        }
    }

    record NextSlot(Long channelId) {}

    private final Cadences cadences;
    private final DeliveryViews views;

    CadenceController(Cadences cadences, DeliveryViews views) {
        this.cadences = cadences;
        this.views = views;
    }

    /** E.g. {"channelId":1,"campaignId":2,"name":"Mỗi ngày một tin tốt","days":["MONDAY",…],"time":"07:00"}. */
    @PostMapping("/api/cadences")
    @ResponseStatus(HttpStatus.CREATED)
    CadenceView define(@RequestBody Cadences.Details body, Actor actor) {
        return CadenceView.of(cadences.defineCadence(body, actor));
    }

    @GetMapping("/api/cadences")
    List<CadenceView> list(@RequestParam(required = false) Long channelId, Actor actor) {
        return cadences.listCadences(channelId, actor).stream()
                .map(CadenceView::of)
                .toList();
    }

    /** Puts an approved item in the channel's next free cadence slot. */
    @PostMapping("/api/content/{id}/next-slot")
    @ResponseStatus(HttpStatus.CREATED)
    DeliveryView nextSlot(@PathVariable long id, @RequestBody(required = false) NextSlot body, Actor actor) {
        return views.of(cadences.scheduleInNextFreeSlot(id, body == null ? null : body.channelId(), actor));
    }
}
