package vn.loa.app.audit;

import java.time.OffsetDateTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.app.api.ApiTimes;
import vn.loa.app.api.PageView;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.audit.AuditEntry;
import vn.loa.campaigns.shared.PageRequest;

/** The audit trail of every workflow step and every change to users, channels, credentials and settings. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    /** One entry; {@code subject} is the username or setting name, or the number of the item or channel. */
    record EntryView(
            long id,
            OffsetDateTime at,
            String actor,
            String address,
            AuditEntry.Subject kind,
            String subject,
            String from,
            String action,
            String detail) {}

    private final AuditLog log;
    private final ApiTimes times;

    AuditController(AuditLog log, ApiTimes times) {
        this.log = log;
        this.times = times;
    }

    @GetMapping
    PageView<EntryView> find(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) AuditEntry.Subject kind,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Actor me) {
        var query = new AuditQuery(
                blankToNull(actor), kind, blankToNull(subject), blankToNull(action), ApiTimes.range(from, to));
        return PageView.of(log.find(query, PageRequest.of(page, size), me).map(this::view));
    }

    private EntryView view(AuditEntry e) {
        return new EntryView(
                e.id(),
                times.inCity(e.at()),
                e.actor(),
                e.address(),
                e.subject(),
                e.subjectKey() != null ? e.subjectKey() : String.valueOf(e.subjectId()),
                e.fromState(),
                e.toState(),
                e.reason());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
