package vn.loa.app.web.imports;

import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.app.web.DomainMessages;
import vn.loa.app.web.Flash;
import vn.loa.app.web.WebUser;
import vn.loa.campaigns.access.Permissions;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.campaign.Campaign;
import vn.loa.campaigns.campaign.CampaignFilter;
import vn.loa.campaigns.campaign.CampaignPlanning;
import vn.loa.campaigns.shared.PageRequest;

/**
 * Page 8, bulk import: a month's plan as CSV or XLSX (template to download), a preview with every
 * row's problems, and nothing imported while any row is bad; then every row becomes a draft.
 */
@Controller
class ImportController {

    private static final String BATCH = ImportController.class.getName() + ".batch";

    /** The rows of the last preview, kept in the session until they are imported. */
    record Batch(String fileName, List<BulkImport.Row> rows) {}

    private final BulkImport imports;
    private final CampaignPlanning campaigns;
    private final DomainMessages messages;
    private final Flash flash;

    ImportController(BulkImport imports, CampaignPlanning campaigns, DomainMessages messages, Flash flash) {
        this.imports = imports;
        this.campaigns = campaigns;
        this.messages = messages;
        this.flash = flash;
    }

    @GetMapping("/import")
    String page(WebUser me, Model model) {
        requirePlanner(me);
        model.addAttribute("messages", messages);
        model.addAttribute("headers", PlanSheet.HEADERS);
        model.addAttribute("campaigns", campaigns());
        return "import";
    }

    @PostMapping("/import")
    String preview(
            @RequestParam(required = false) MultipartFile file,
            WebUser me,
            Model model,
            HttpSession session,
            Locale locale) {
        requirePlanner(me);
        model.addAttribute("messages", messages);
        model.addAttribute("headers", PlanSheet.HEADERS);
        model.addAttribute("campaigns", campaigns());
        session.removeAttribute(BATCH);
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "import.no-file");
            return "import";
        }
        byte[] data;
        try {
            data = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<PlanSheet.Line> lines;
        try {
            var header = PlanSheet.header(file.getOriginalFilename(), new ByteArrayInputStream(data));
            if (header.size() < 2
                    || !header.get(0).equals("campaign")
                    || !header.get(1).equals("title")) {
                model.addAttribute("fileError", "import.bad-header");
                return "import";
            }
            lines = PlanSheet.read(file.getOriginalFilename(), new ByteArrayInputStream(data));
        } catch (RuntimeException e) {
            model.addAttribute("fileError", "import.unreadable");
            return "import";
        }
        if (lines.isEmpty()) {
            model.addAttribute("fileError", "import.empty");
            return "import";
        }
        var result = imports.preview(imports.parse(lines, campaigns()), me.actor());
        model.addAttribute("result", result);
        model.addAttribute("fileName", file.getOriginalFilename());
        if (result.ok()) {
            session.setAttribute(BATCH, new Batch(file.getOriginalFilename(), result.rows()));
        }
        return "import";
    }

    @PostMapping("/import/confirm")
    String confirm(WebUser me, HttpSession session, Locale locale, RedirectAttributes redirect, Model model) {
        requirePlanner(me);
        if (!(session.getAttribute(BATCH) instanceof Batch batch)) {
            flash.ok(redirect, locale, "import.expired");
            return "redirect:/import";
        }
        var result = imports.importAll(batch.rows(), me.actor());
        session.removeAttribute(BATCH);
        if (!result.ok()) {
            model.addAttribute("messages", messages);
            model.addAttribute("headers", PlanSheet.HEADERS);
            model.addAttribute("campaigns", campaigns());
            model.addAttribute("result", result);
            model.addAttribute("fileName", batch.fileName());
            return "import";
        }
        flash.ok(redirect, locale, "import.done", result.written());
        return "redirect:/import";
    }

    @GetMapping("/import/template.csv")
    ResponseEntity<byte[]> templateCsv(WebUser me) {
        requirePlanner(me);
        return download(PlanSheet.templateCsv(example()), "ke-hoach-mau.csv", new MediaType("text", "csv"));
    }

    @GetMapping("/import/template.xlsx")
    ResponseEntity<byte[]> templateXlsx(WebUser me) {
        requirePlanner(me);
        return download(
                PlanSheet.templateXlsx(example()),
                "ke-hoach-mau.xlsx",
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    private String example() {
        var all = campaigns();
        return all.isEmpty() ? "1" : all.get(0).name();
    }

    private List<Campaign> campaigns() {
        return campaigns
                .findCampaigns(
                        new CampaignFilter(null, null, null, null, null), PageRequest.of(0, PageRequest.MAX_SIZE))
                .items();
    }

    private static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    private static void requirePlanner(WebUser me) {
        Permissions.requireAny(me.actor(), "import plans", Role.PLANNER, Role.ADMIN);
    }
}
