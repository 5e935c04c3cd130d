package vn.loa.app.amplify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.app.api.ApiTimes;
import vn.loa.app.api.AuditView;
import vn.loa.app.api.PageView;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.amplify.ContentPack;
import vn.loa.campaigns.amplify.ContentPacks;
import vn.loa.campaigns.amplify.PackFilter;
import vn.loa.campaigns.amplify.PackStatus;
import vn.loa.campaigns.amplify.PackText;
import vn.loa.campaigns.amplify.PartnerShare;
import vn.loa.campaigns.amplify.PartnerShares;
import vn.loa.campaigns.amplify.ShareMethod;
import vn.loa.campaigns.audit.AuditEntry;
import vn.loa.campaigns.audit.AuditTrail;
import vn.loa.campaigns.content.ContentItem;
import vn.loa.campaigns.content.ContentRepository;
import vn.loa.campaigns.partner.PartnerPage;
import vn.loa.campaigns.partner.PartnerRegistry;
import vn.loa.campaigns.shared.PageRequest;
import vn.loa.connectors.Media;
import vn.loa.connectors.MediaAddresses;
import vn.loa.connectors.MediaFetcher;
import vn.loa.connectors.Platform;

/**
 * Content packs for partners: building them from an approved item, the partner portal's listing,
 * a pack's ZIP download, accepting (Loa publishes), confirming a share by its address, and
 * withdrawing.
 */
@RestController
class PackController {

    record PageRef(long id, String displayName, Platform platform, String url) {}

    record PackView(
            long id,
            long contentId,
            String title,
            boolean rebuttal,
            long campaignId,
            PageRef page,
            long organisationId,
            PackStatus status,
            boolean late,
            boolean rapid,
            OffsetDateTime windowFrom,
            OffsetDateTime windowTo,
            OffsetDateTime officialPublishedAt,
            String trackedLink,
            String trackedUrl,
            List<PackText> texts,
            List<String> media,
            List<String> hashtags,
            Long deliveryId,
            OffsetDateTime createdAt) {}

    record BuiltView(List<PackView> packs, List<Long> alreadyPacked) {}

    record ShareInput(String url) {}

    record WithdrawInput(String reason) {}

    record ShareView(
            long id,
            long packId,
            String url,
            String postId,
            ShareMethod method,
            boolean ownerVerified,
            OffsetDateTime sharedAt,
            String recordedBy,
            Boolean alreadyRecorded) {}

    private final ContentPacks packs;
    private final PartnerShares shares;
    private final PartnerRegistry registry;
    private final ContentRepository contents;
    private final AuditTrail audit;
    private final AmplifyProperties properties;
    private final ApiTimes times;
    private final JsonMapper json;
    private final Clock clock;
    private final MediaFetcher media;

    PackController(
            ContentPacks packs,
            PartnerShares shares,
            PartnerRegistry registry,
            ContentRepository contents,
            AuditTrail audit,
            AmplifyProperties properties,
            ApiTimes times,
            JsonMapper json,
            MediaAddresses mediaAddresses,
            Clock clock) {
        this.media = MediaFetcher.http(Duration.ofSeconds(20), mediaAddresses);
        this.clock = clock;
        this.packs = packs;
        this.shares = shares;
        this.registry = registry;
        this.contents = contents;
        this.audit = audit;
        this.properties = properties;
        this.times = times;
        this.json = json;
    }

    @PostMapping("/api/content/{id}/packs")
    @ResponseStatus(HttpStatus.CREATED)
    BuiltView build(@PathVariable long id, @RequestBody(required = false) ContentPacks.BuildRequest body, Actor actor) {
        var built = packs.buildPacks(id, body == null ? new ContentPacks.BuildRequest(null, null, null) : body, actor);
        return new BuiltView(views(built.packs()), built.alreadyPacked());
    }

    @GetMapping("/api/packs")
    PageView<PackView> list(
            @RequestParam(required = false) Long contentId,
            @RequestParam(required = false) Long campaignId,
            @RequestParam(required = false) Long pageId,
            @RequestParam(required = false) Long organisationId,
            @RequestParam(required = false) PackStatus status,
            @RequestParam(required = false) Boolean late,
            @RequestParam(required = false) Boolean rapid,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Actor actor) {
        var filter = new PackFilter(
                contentId,
                campaignId,
                pageId,
                status,
                late,
                rapid,
                organisationId == null ? null : Set.of(organisationId));
        var found = packs.findPacks(filter, PageRequest.of(page, size), actor);
        var items = views(found.items());
        return new PageView<>(items, found.page(), found.size(), found.totalItems(), found.totalPages());
    }

    @GetMapping("/api/packs/{id}")
    PackView get(@PathVariable long id, Actor actor) {
        return views(List.of(packs.getPack(id, actor))).get(0);
    }

    @GetMapping("/api/packs/{id}/history")
    List<AuditView> history(@PathVariable long id, Actor actor) {
        packs.getPack(id, actor);
        return audit.history(AuditEntry.Subject.PACK, id).stream()
                .map(e -> AuditView.of(e, times))
                .toList();
    }

    @PostMapping("/api/packs/{id}/accept")
    PackView accept(@PathVariable long id, Actor actor) {
        return views(List.of(packs.accept(id, actor))).get(0);
    }

    @PostMapping("/api/packs/{id}/withdraw")
    PackView withdraw(@PathVariable long id, @RequestBody(required = false) WithdrawInput body, Actor actor) {
        return views(List.of(packs.withdraw(id, body == null ? null : body.reason(), actor)))
                .get(0);
    }

    @PostMapping("/api/packs/{id}/shares")
    ResponseEntity<ShareView> confirm(@PathVariable long id, @RequestBody ShareInput body, Actor actor) {
        var recorded = shares.confirmShare(id, body == null ? null : body.url(), actor);
        return ResponseEntity.status(recorded.alreadyRecorded() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(view(recorded.share(), recorded.alreadyRecorded()));
    }

    @GetMapping("/api/packs/{id}/shares")
    List<ShareView> sharesOf(@PathVariable long id, Actor actor) {
        return shares.listShares(id, actor).stream().map(s -> view(s, null)).toList();
    }

    /** The pack as a ZIP: manifest.json, one text file per platform, and the media files. */
    // Also under /partner for the partner portal (a signed-in browser session rather than Basic auth).
    @GetMapping({"/api/packs/{id}/download", "/partner/packs/{id}/download"})
    ResponseEntity<StreamingResponseBody> download(@PathVariable long id, Actor actor) {
        var view = views(List.of(packs.getPack(id, actor))).get(0);
        StreamingResponseBody body = out -> {
            try (var zip = new ZipOutputStream(out)) {
                var files = new ArrayList<Map<String, Object>>();
                for (var t : view.texts()) {
                    var name = "texts/" + t.platform().name().toLowerCase() + ".txt";
                    zip.putNextEntry(new ZipEntry(name));
                    zip.write(plain(t).getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
                int n = 0;
                for (var url : view.media()) {
                    n++;
                    var entry = new LinkedHashMap<String, Object>();
                    entry.put("url", url);
                    var name = String.format("media/%02d-%s", n, fileName(url));
                    try {
                        var fetched = media.fetch(Media.of(url));
                        try (InputStream in = fetched.stream()) {
                            zip.putNextEntry(new ZipEntry(name));
                            in.transferTo(zip);
                            zip.closeEntry();
                        }
                        entry.put("file", name);
                        entry.put("contentType", fetched.contentType());
                    } catch (IOException | RuntimeException e) {
                        // The manifest says which file could not be fetched; the rest of the pack is usable.
                        entry.put("file", null);
                        entry.put("error", "could not be fetched: " + e.getMessage());
                    }
                    files.add(entry);
                }
                var manifest = new LinkedHashMap<String, Object>();
                manifest.put("pack", view);
                manifest.put("media", files);
                zip.putNextEntry(new ZipEntry("manifest.json"));
                zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                zip.closeEntry();
            }
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("goi-noi-dung-" + id + ".zip")
                                .build()
                                .toString())
                .body(body);
    }

    private static String plain(PackText t) {
        var sb = new StringBuilder();
        if (t.title() != null && !t.title().isBlank()) {
            sb.append(t.title()).append("\n\n");
        }
        if (t.description() != null
                && !t.description().isBlank()
                && !t.description().equals(t.title())) {
            sb.append(t.description()).append("\n\n");
        }
        if (t.body() != null) {
            sb.append(t.body());
        }
        return sb.toString().strip() + "\n";
    }

    private static String fileName(String url) {
        var path = url.replaceAll("[?#].*$", "");
        var name = path.substring(path.lastIndexOf('/') + 1);
        name = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isBlank() ? "file" : name;
    }

    private List<PackView> views(List<ContentPack> list) {
        var items = new HashMap<Long, ContentItem>();
        var pages = new HashMap<Long, PartnerPage>();
        var result = new ArrayList<PackView>();
        for (var p : list) {
            var item = items.computeIfAbsent(
                    p.contentId(), cid -> contents.findHeader(cid).orElseThrow());
            var page = pages.computeIfAbsent(p.pageId(), registry::getPage);
            result.add(new PackView(
                    p.id(),
                    p.contentId(),
                    item.title(),
                    item.rebuttal(),
                    p.campaignId(),
                    new PageRef(page.id(), page.displayName(), page.platform(), page.url()),
                    p.organisationId(),
                    p.status(),
                    p.isLate(clock.instant()),
                    p.rapid(),
                    times.inCity(p.windowFrom()),
                    times.inCity(p.windowTo()),
                    times.inCity(p.officialPublishedAt()),
                    p.linkCode() == null ? null : properties.publicUrl().replaceAll("/+$", "") + "/l/" + p.linkCode(),
                    p.trackedUrl(),
                    p.texts(),
                    p.media(),
                    p.hashtags(),
                    p.deliveryId(),
                    times.inCity(p.createdAt())));
        }
        return result;
    }

    private ShareView view(PartnerShare s, Boolean already) {
        return new ShareView(
                s.id(),
                s.packId(),
                s.url(),
                s.postId(),
                s.method(),
                s.ownerVerified(),
                times.inCity(s.sharedAt()),
                s.recordedBy(),
                already);
    }
}
