package vn.loa.app.report;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import vn.loa.app.amplify.PartnerResults;
import vn.loa.app.listening.ListeningResults;

/** A report laid out once as titled tables and a timeline, then written as CSV, XLSX or PDF. */
public record ReportDocument(String title, String subtitle, List<Table> tables, List<Point> timeline) {

    public record Table(String name, List<String> headers, List<List<Object>> rows) {}

    public record Point(LocalDate day, long interactions, long views) {}

    private static final Locale VI = Locale.forLanguageTag("vi-VN");

    static ReportDocument of(Reports.CampaignReport r) {
        var tables = new ArrayList<Table>();
        tables.add(new Table(
                "Tổng hợp",
                List.of("Chỉ số", "Giá trị"),
                List.of(
                        List.of("Số bài đã đăng", r.totals().posts()),
                        List.of("Lượt cảm xúc", r.totals().reactions()),
                        List.of("Bình luận", r.totals().comments()),
                        List.of("Chia sẻ", r.totals().shares()),
                        List.of("Lượt xem", r.totals().views()),
                        List.of("Tiếp cận", r.totals().reach()),
                        List.of("Tương tác", r.totals().interactions()),
                        List.of("Tỷ lệ tương tác", percent(r.totals().engagementRate())))));
        var kpis = new ArrayList<List<Object>>();
        for (var k : r.kpis()) {
            kpis.add(List.of(
                    kpiName(k.name()),
                    k.target() == null ? "—" : k.target(),
                    k.achieved(),
                    k.percent() == null ? "—" : String.format(VI, "%.1f%%", k.percent())));
        }
        tables.add(new Table("Tiến độ so với mục tiêu", List.of("Mục tiêu", "Chỉ tiêu", "Đạt được", "Tỷ lệ"), kpis));
        tables.add(slices("Theo nền tảng", r.platforms()));
        tables.add(slices("Theo kênh", r.channels()));
        tables.add(slices("Theo kênh đối tác Loa đăng", r.partners()));
        tables.add(posts("Bài nổi bật", r.top()));
        tables.add(posts("Bài ít tương tác", r.bottom()));
        tables.add(timelineTable(r.timeline()));
        tables.addAll(amplification(r.amplification()));
        if (!r.notices().isEmpty()) {
            // Posts that went out without all that was asked (a thumbnail YouTube refused).
            var notices = new ArrayList<List<Object>>();
            for (var n : r.notices()) {
                notices.add(List.of(n.title(), n.channel(), n.message()));
            }
            tables.add(new Table("Lưu ý khi đăng", List.of("Bài", "Kênh", "Lưu ý"), notices));
        }
        return new ReportDocument(
                "Báo cáo chiến dịch: " + r.campaign(),
                "Chủ đề " + r.theme() + " · " + r.from() + " – " + r.to(),
                tables,
                points(r.timeline()));
    }

    static ReportDocument of(Reports.PeriodReport r) {
        var rows = new ArrayList<List<Object>>();
        for (var t : r.themes()) {
            rows.add(List.of(
                    t.name(),
                    t.current().posts(),
                    t.current().interactions(),
                    t.current().views(),
                    t.previous().posts(),
                    t.previous().interactions(),
                    t.previous().views(),
                    change(t.current().interactions(), t.previous().interactions())));
        }
        rows.add(List.of(
                "Tổng",
                r.current().posts(),
                r.current().interactions(),
                r.current().views(),
                r.previous().posts(),
                r.previous().interactions(),
                r.previous().views(),
                change(r.current().interactions(), r.previous().interactions())));
        var tables = new ArrayList<Table>();
        tables.add(new Table(
                "Theo chủ đề",
                List.of(
                        "Chủ đề",
                        "Số bài",
                        "Tương tác",
                        "Lượt xem",
                        "Số bài (kỳ trước)",
                        "Tương tác (kỳ trước)",
                        "Lượt xem (kỳ trước)",
                        "Thay đổi tương tác"),
                rows));
        tables.add(timelineTable(r.timeline()));
        tables.addAll(amplification(r.amplification()));
        tables.addAll(listening(r.themes(), r.listening()));
        return new ReportDocument(
                "Báo cáo định kỳ " + r.from() + " – " + r.to(),
                "So với kỳ trước " + r.previousFrom() + " – " + r.previousTo(),
                tables,
                points(r.timeline()));
    }

    private static final List<String> PARTNER_HEADERS = List.of(
            "Gói nhận",
            "Đã chia sẻ",
            "Quá hạn",
            "Độ trễ trung vị (phút)",
            "Tiếp cận",
            "Tương tác",
            "Lượt bấm liên kết",
            "Lượt bấm của bot");

    /** The partner section: what the packs led to, per organisation and per page. */
    private static List<Table> amplification(PartnerResults.Results results) {
        var byOrganisation = new ArrayList<List<Object>>();
        for (var o : results.organisations()) {
            byOrganisation.add(partnerRow("  ".repeat(Math.max(0, o.depth() - 1)) + o.name(), o.figures()));
        }
        byOrganisation.add(partnerRow("Tổng", results.total()));
        var byPage = new ArrayList<List<Object>>();
        for (var p : results.pages()) {
            var row = new ArrayList<Object>();
            row.add(p.displayName());
            row.add(p.platform().name());
            row.add(p.organisation() == null ? "" : p.organisation());
            row.addAll(partnerRow("", p.figures()).subList(1, PARTNER_HEADERS.size() + 1));
            byPage.add(row);
        }
        var orgHeaders = new ArrayList<String>();
        orgHeaders.add("Đơn vị");
        orgHeaders.addAll(PARTNER_HEADERS);
        var pageHeaders = new ArrayList<String>(List.of("Trang", "Nền tảng", "Đơn vị"));
        pageHeaders.addAll(PARTNER_HEADERS);
        return List.of(
                new Table("Đối tác chia sẻ: theo đơn vị", orgHeaders, byOrganisation),
                new Table("Đối tác chia sẻ: theo trang", pageHeaders, byPage));
    }

    /** The listening section: topic volumes per theme, and time from signal to rebuttal per theme. */
    private static List<Table> listening(List<Reports.ThemeLine> themes, ListeningResults.Results results) {
        var names = new HashMap<Long, String>();
        themes.forEach(t -> names.put(t.themeId(), t.name()));
        var topics = new ArrayList<List<Object>>();
        for (var t : results.topics()) {
            topics.add(List.of(
                    names.getOrDefault(t.themeId(), "#" + t.themeId()),
                    t.topic(),
                    t.kind().equals("RUMOUR") ? "Tin đồn" : "Vấn đề",
                    t.comments()));
        }
        var times = new ArrayList<List<Object>>();
        for (var t : results.rebuttals()) {
            times.add(List.of(
                    names.getOrDefault(t.themeId(), "#" + t.themeId()),
                    t.rebuttals(),
                    t.live(),
                    minutes(t.signalToDraft()),
                    minutes(t.draftToApproval()),
                    minutes(t.approvalToLive()),
                    minutes(t.signalToLive()),
                    minutes(t.liveToFirstShare())));
        }
        return List.of(
                new Table(
                        "Lắng nghe: chủ đề được nhắc đến",
                        List.of("Chủ đề", "Vấn đề theo dõi", "Loại", "Bình luận"),
                        topics),
                new Table(
                        "Thời gian phản bác (trung vị, phút)",
                        List.of(
                                "Chủ đề",
                                "Phản bác",
                                "Đã đăng",
                                "Tín hiệu → bản nháp",
                                "Bản nháp → duyệt",
                                "Duyệt → đăng",
                                "Tín hiệu → đăng",
                                "Đăng → đối tác chia sẻ đầu tiên"),
                        times));
    }

    private static String minutes(Double value) {
        return value == null ? "—" : String.format(VI, "%.1f", value);
    }

    private static List<Object> partnerRow(String name, PartnerResults.Figures f) {
        return List.of(
                name,
                f.packs(),
                f.shared(),
                f.late(),
                f.medianShareDelayMinutes() == null ? "—" : String.format(VI, "%.1f", f.medianShareDelayMinutes()),
                f.reach(),
                f.interactions(),
                f.clicks(),
                f.botClicks());
    }

    private static Table slices(String name, List<Reports.Slice> slices) {
        var rows = new ArrayList<List<Object>>();
        for (var s : slices) {
            rows.add(List.of(
                    s.label() == null ? "" : s.label(),
                    s.totals().posts(),
                    s.totals().interactions(),
                    s.totals().views(),
                    s.totals().reach(),
                    percent(s.totals().engagementRate())));
        }
        return new Table(name, List.of("Tên", "Số bài", "Tương tác", "Lượt xem", "Tiếp cận", "Tỷ lệ tương tác"), rows);
    }

    private static Table posts(String name, List<Reports.Post> posts) {
        var rows = new ArrayList<List<Object>>();
        for (var p : posts) {
            rows.add(List.of(p.title(), p.channel(), p.platform(), p.publishedAt(), p.interactions(), p.views()));
        }
        return new Table(name, List.of("Bài viết", "Kênh", "Nền tảng", "Đăng lúc", "Tương tác", "Lượt xem"), rows);
    }

    private static Table timelineTable(List<Reports.Day> days) {
        var rows = new ArrayList<List<Object>>();
        for (var d : days) {
            rows.add(List.of(
                    d.day().toString(),
                    d.reactions(),
                    d.comments(),
                    d.shares(),
                    d.views(),
                    d.reach(),
                    d.interactions()));
        }
        return new Table(
                "Diễn biến theo ngày",
                List.of("Ngày", "Cảm xúc", "Bình luận", "Chia sẻ", "Lượt xem", "Tiếp cận", "Tương tác"),
                rows);
    }

    private static List<Point> points(List<Reports.Day> days) {
        return days.stream()
                .map(d -> new Point(d.day(), d.interactions(), d.views()))
                .toList();
    }

    private static String percent(double rate) {
        return String.format(VI, "%.2f%%", rate * 100);
    }

    private static String change(long now, long before) {
        return before == 0 ? "—" : String.format(VI, "%+.1f%%", 100.0 * (now - before) / before);
    }

    private static String kpiName(String name) {
        return switch (name) {
            case "reach" -> "Tiếp cận";
            case "interactions" -> "Tương tác";
            case "posts" -> "Số bài";
            default -> name;
        };
    }

    static String number(Object value) {
        return value instanceof Number n ? NumberFormat.getIntegerInstance(VI).format(n) : String.valueOf(value);
    }
}
