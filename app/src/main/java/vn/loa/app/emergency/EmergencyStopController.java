package vn.loa.app.emergency;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.app.api.ApiTimes;
import vn.loa.app.connection.CredentialKeys;
import vn.loa.campaigns.access.Actor;

/**
 * Emergency stops of publishing, the deliveries left late by one, and revoking platform credentials
 * at once. Stopping, resuming and revoking are for administrators; planners confirm late deliveries.
 */
@RestController
class EmergencyStopController {

    record StopView(
            long id,
            StopScope scope,
            String organisation,
            Long channelId,
            String reason,
            String stoppedBy,
            OffsetDateTime stoppedAt,
            String resumedBy,
            OffsetDateTime resumedAt,
            boolean active) {}

    record StoppedView(StopView stop, int withdrawnFromPlatforms, List<String> notWithdrawn) {}

    record ResumedView(StopView stop, int released, int awaitingConfirmation) {}

    record LateView(
            long deliveryId, long stopId, long contentId, String title, long channelId, OffsetDateTime scheduledAt) {}

    record RevokedView(List<Long> channelIds) {}

    record RotatedView(
            String keyId, List<Long> resealed, int alreadyCurrent, List<String> failures, int totpResealed) {}

    private final EmergencyStops stops;
    private final CredentialKeys keys;
    private final ApiTimes times;

    EmergencyStopController(EmergencyStops stops, CredentialKeys keys, ApiTimes times) {
        this.stops = stops;
        this.keys = keys;
        this.times = times;
    }

    @GetMapping("/api/emergency-stops")
    List<StopView> list(Actor actor) {
        return stops.recent(actor).stream().map(this::view).toList();
    }

    @GetMapping("/api/emergency-stops/{id}")
    StopView get(@PathVariable long id, Actor actor) {
        return view(stops.get(id, actor));
    }

    @PostMapping("/api/emergency-stops")
    @ResponseStatus(HttpStatus.CREATED)
    StoppedView stop(@RequestBody EmergencyStops.StopRequest body, Actor actor) {
        var stopped = stops.stop(body, actor);
        return new StoppedView(view(stopped.stop()), stopped.withdrawn(), stopped.notWithdrawn());
    }

    @PostMapping("/api/emergency-stops/{id}/resume")
    ResumedView resume(@PathVariable long id, Actor actor) {
        var resumed = stops.resume(id, actor);
        return new ResumedView(view(resumed.stop()), resumed.released(), resumed.awaitingConfirmation());
    }

    @GetMapping("/api/emergency-stops/late")
    List<LateView> late(Actor actor) {
        return stops.late(actor).stream()
                .map(l -> new LateView(
                        l.deliveryId(),
                        l.stopId(),
                        l.contentId(),
                        l.title(),
                        l.channelId(),
                        times.inCity(l.scheduledAt())))
                .toList();
    }

    /** A planner's confirmation that a delivery left late by a stop goes out now. */
    @PostMapping("/api/emergency-stops/late/{deliveryId}/release")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void release(@PathVariable long deliveryId, Actor actor) {
        stops.confirmLate(deliveryId, actor);
    }

    /** Deletes the stored platform credentials of every channel in the scope (same body as a stop). */
    @PostMapping("/api/credentials/revoke")
    RevokedView revoke(@RequestBody EmergencyStops.StopRequest body, Actor actor) {
        return new RevokedView(stops.revokeCredentials(body, actor).channelIds());
    }

    /** Re-seals every stored credential under the current key (as {@code rotate-credentials} does). */
    @PostMapping("/api/credentials/rotate")
    RotatedView rotate(Actor actor) {
        var result = keys.rotate(actor);
        return new RotatedView(
                result.keyId(), result.resealed(), result.current(), result.failures(), result.totpResealed());
    }

    private StopView view(EmergencyStop s) {
        return new StopView(
                s.id(),
                s.scope(),
                s.organisation(),
                s.channelId(),
                s.reason(),
                s.stoppedBy(),
                times.inCity(s.stoppedAt()),
                s.resumedBy(),
                times.inCity(s.resumedAt()),
                s.active());
    }
}
