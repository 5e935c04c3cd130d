package vn.loa.app.amplify;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.campaigns.access.Actor;

/** Results per partner organisation and page, over a period, a campaign or an organisation's subtree. */
@RestController
class PartnerResultsController {

    private final PartnerResults results;

    PartnerResultsController(PartnerResults results) {
        this.results = results;
    }

    @GetMapping("/api/partners/results")
    PartnerResults.Results results(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long campaignId,
            @RequestParam(required = false) Long organisationId,
            Actor actor) {
        return results.results(new PartnerResults.Query(from, to, campaignId, organisationId), actor);
    }
}
