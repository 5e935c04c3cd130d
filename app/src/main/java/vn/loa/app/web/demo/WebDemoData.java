package vn.loa.app.web.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.cadence.Cadences;
import vn.loa.campaigns.campaign.Campaign;
import vn.loa.campaigns.campaign.CampaignFilter;
import vn.loa.campaigns.campaign.CampaignPlanning;
import vn.loa.campaigns.campaign.Kpis;
import vn.loa.campaigns.channel.Channel;
import vn.loa.campaigns.channel.ChannelRole;
import vn.loa.campaigns.channel.Channels;
import vn.loa.campaigns.content.ContentDraft;
import vn.loa.campaigns.plan.Plans;
import vn.loa.campaigns.shared.PageRequest;
import vn.loa.campaigns.theme.Themes;
import vn.loa.campaigns.workflow.ContentReview;
import vn.loa.campaigns.workflow.ContentWriting;
import vn.loa.campaigns.workflow.Scheduling;

/**
 * More demo content for the web pages, on top of the base demo data: a daily cadence (so the
 * calendar shows its empty slots), two more themed campaigns, three weeks of scheduled posts across
 * channels, and a rebuttal waiting for the on-duty approver. Loaded once, through the use cases.
 */
@Component
@Order(3)
@ConditionalOnProperty(
        name = {"loa.demo-data", "loa.web.demo-content"},
        havingValue = "true")
class WebDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WebDemoData.class);
    private static final String MARK = "Văn hoá Thủ đô nghìn năm";

    private final Plans plans;
    private final Themes themes;
    private final Channels channels;
    private final CampaignPlanning planning;
    private final ContentWriting writing;
    private final ContentReview review;
    private final Scheduling scheduling;
    private final Cadences cadences;
    private final TransactionTemplate tx;
    private final Clock clock;

    WebDemoData(
            Plans plans,
            Themes themes,
            Channels channels,
            CampaignPlanning planning,
            ContentWriting writing,
            ContentReview review,
            Scheduling scheduling,
            Cadences cadences,
            TransactionTemplate tx,
            Clock clock) {
        this.plans = plans;
        this.themes = themes;
        this.channels = channels;
        this.planning = planning;
        this.writing = writing;
        this.review = review;
        this.scheduling = scheduling;
        this.cadences = cadences;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        var all = planning.findCampaigns(new CampaignFilter(null, null, null, null, null), PageRequest.of(0, 200));
        if (all.items().isEmpty() || all.items().stream().anyMatch(c -> c.name().equals(MARK))) {
            return;
        }
        try {
            tx.executeWithoutResult(status -> load(all.items()));
            log.info("Loaded the web pages' demo content: a cadence, two campaigns, three weeks of posts");
        } catch (RuntimeException e) {
            // Extra content only: the demo still starts with its base data, and says why this part is missing.
            log.warn("The web pages' extra demo content was not loaded: {}", e.getMessage());
        }
    }

    private void load(List<Campaign> existing) {
        var planner = new Actor("planner", Set.of(Role.PLANNER), null);
        var approver = new Actor("approver", Set.of(Role.APPROVER), null);
        var admin = new Actor("admin", Set.of(Role.ADMIN), null);
        var list = channels.listChannels(admin);
        var official = list.stream()
                .filter(c -> c.role() == ChannelRole.OFFICIAL)
                .findFirst()
                .orElseThrow();
        var partners =
                list.stream().filter(c -> c.role() != ChannelRole.OFFICIAL).toList();
        var today = LocalDate.now(clock.withZone(Channel.CITY_ZONE));
        var plan = plans.listPlans().get(0);
        var goodNews = existing.stream()
                .filter(c -> c.name().startsWith("Mỗi ngày một tin tốt"))
                .findFirst()
                .orElse(existing.get(0));
        var culture = planning.startCampaign(new Campaign.Details(
                plan.id(),
                theme("culture"),
                MARK,
                "Lan toả giá trị văn hoá, di sản và lối sống thanh lịch của người Hà Nội.",
                today.withDayOfMonth(1),
                today.plusMonths(2),
                new Kpis(800_000L, 60_000L, 60),
                ids(official, partners)));
        var security = planning.startCampaign(new Campaign.Details(
                plan.id(),
                theme("security"),
                "Vùng xanh trên không gian mạng",
                "Nhận diện và phản bác thông tin sai, xây dựng môi trường mạng lành mạnh (Kế hoạch 287/KH-UBND).",
                today.withDayOfMonth(1),
                today.plusMonths(3),
                new Kpis(500_000L, 30_000L, 30),
                ids(official, partners)));

        cadences.defineCadence(
                new Cadences.Details(
                        official.id(),
                        goodNews.id(),
                        "Mỗi ngày một tin tốt",
                        EnumSet.allOf(DayOfWeek.class),
                        LocalTime.of(7, 0)),
                planner);

        var posts = List.of(
                new Post(culture, "Phố sách Hà Nội mở cửa đến 22 giờ dịp cuối tuần", 2, 19, 0),
                new Post(culture, "Trình diễn áo dài bên hồ Hoàn Kiếm", 3, 9, 30),
                new Post(culture, "Lễ hội ẩm thực làng nghề ven đô", 5, 11, 0),
                new Post(security, "Cảnh giác lừa đảo qua tin nhắn giả danh cơ quan thuế", 4, 8, 0),
                new Post(security, "5 bước kiểm tra một tin trước khi chia sẻ", 6, 20, 0),
                new Post(goodNews, "Cụ bà 80 tuổi quét rác ngõ phố mỗi sáng", 8, 7, 0),
                new Post(culture, "Không gian bích hoạ mới trên phố Phùng Hưng", 9, 16, 0),
                new Post(security, "Tuổi trẻ Thủ đô nói không với tin giả", 11, 19, 30),
                new Post(goodNews, "Bệnh viện tuyến quận khám miễn phí cho người cao tuổi", 12, 9, 0),
                new Post(culture, "Đêm nhạc trịnh bên Tháp Rùa", 15, 20, 0),
                new Post(goodNews, "Học sinh Hà Nội đoạt huy chương vàng Olympic", 17, 10, 0),
                new Post(security, "Cách báo cáo một tài khoản mạo danh", 19, 14, 0));
        int i = 0;
        for (var p : posts) {
            var item = writing.writeContent(
                    new ContentDraft(
                            p.campaign().id(),
                            p.title(),
                            p.title() + ". Mời bạn đọc chi tiết trên Cổng thông tin điện tử Thành phố.",
                            "https://hanoi.gov.vn/tin-tuc",
                            List.of("https://hanoi.gov.vn/anh/tin-" + (i + 1) + ".jpg"),
                            List.of("Hà Nội"),
                            null),
                    planner);
            review.submitForReview(item.id(), planner);
            review.approve(item.id(), approver, null);
            var targets = i % 3 == 0
                    ? ids(official, partners).stream().toList()
                    : List.of(official.id(), partners.get(i % partners.size()).id());
            var scheduled = targets.stream()
                    .filter(id -> list.stream()
                            .anyMatch(c -> c.id().equals(id) && item.variants().containsKey(c.platform())))
                    .toList();
            var at = ZonedDateTime.of(today.plusDays(p.inDays()), LocalTime.of(p.hour(), p.minute()), Channel.CITY_ZONE)
                    .toOffsetDateTime();
            scheduling.schedule(item.id(), scheduled, at, planner);
            i++;
        }

        var rebuttal = writing.writeContent(
                new ContentDraft(
                        security.id(),
                        "Thông tin “Hà Nội cấm xe máy từ tháng sau” là sai sự thật",
                        "Sở Xây dựng khẳng định chưa có quyết định nào về việc cấm xe máy. Người dân chỉ tin thông tin"
                                + " từ kênh chính thức của Thành phố.",
                        "https://hanoi.gov.vn/tin-tuc",
                        List.of("https://hanoi.gov.vn/anh/canh-bao.jpg"),
                        List.of("tin giả"),
                        null,
                        true),
                planner);
        review.submitForReview(rebuttal.id(), planner);
    }

    private record Post(Campaign campaign, String title, int inDays, int hour, int minute) {}

    private long theme(String code) {
        return themes.listThemes().stream()
                .filter(t -> t.code().equals(code))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private static Set<Long> ids(Channel official, List<Channel> partners) {
        var ids = new LinkedHashSet<Long>();
        ids.add(official.id());
        partners.forEach(c -> ids.add(c.id()));
        return ids;
    }
}
