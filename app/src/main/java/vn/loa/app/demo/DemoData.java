package vn.loa.app.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
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
import vn.loa.app.connection.ChannelConnections;
import vn.loa.app.security.UserAccounts;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.campaign.Campaign;
import vn.loa.campaigns.campaign.CampaignPlanning;
import vn.loa.campaigns.campaign.Kpis;
import vn.loa.campaigns.channel.Channel;
import vn.loa.campaigns.channel.ChannelRole;
import vn.loa.campaigns.channel.Channels;
import vn.loa.campaigns.content.ContentDraft;
import vn.loa.campaigns.plan.Plans;
import vn.loa.campaigns.theme.ThemeRepository;
import vn.loa.campaigns.workflow.ContentReview;
import vn.loa.campaigns.workflow.ContentWriting;
import vn.loa.campaigns.workflow.Scheduling;
import vn.loa.connectors.Platform;
import vn.loa.connectors.sandbox.SandboxCredentials;

/**
 * Demo data for the embedded default run: a yearly plan, two campaigns, an official channel, three
 * partner pages, content in several workflow states, and one user per role. Loaded once, on the
 * first start, through the same use cases people use, so its audit trail is real too.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "loa.demo-data", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "loa-demo-2026";
    static final String DIGITAL = "Kinh tế số Thủ đô";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final UserAccounts accounts;
    private final Plans plans;
    private final ThemeRepository themes;
    private final Channels channels;
    private final CampaignPlanning planning;
    private final ContentWriting writing;
    private final ContentReview review;
    private final Scheduling scheduling;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ChannelConnections connections;

    DemoData(
            UserAccounts accounts,
            Plans plans,
            ThemeRepository themes,
            Channels channels,
            CampaignPlanning planning,
            ContentWriting writing,
            ContentReview review,
            Scheduling scheduling,
            TransactionTemplate tx,
            Clock clock,
            ChannelConnections connections) {
        this.connections = connections;
        this.accounts = accounts;
        this.plans = plans;
        this.themes = themes;
        this.channels = channels;
        this.planning = planning;
        this.writing = writing;
        this.review = review;
        this.scheduling = scheduling;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.find("planner").isPresent()) {
            return;
        }
        tx.executeWithoutResult(status -> load());
        connectToSandbox();
        log.info(
                "Loaded the demo data; sign in as admin, planner, approver, partner or leader with password {}",
                PASSWORD);
    }

    private void load() {
        user("admin", "Quản trị hệ thống", null, Role.ADMIN);
        user("planner", "Nguyễn Thu Hà (biên tập)", null, Role.PLANNER);
        user("approver", "Trần Minh Đức (trưởng ban)", null, Role.APPROVER);
        user("partner", "Lê Hoàng Nam (Thành đoàn)", "Thành đoàn Hà Nội", Role.PARTNER_ADMIN);
        user("leader", "Phạm Văn Quang (lãnh đạo)", null, Role.LEADERSHIP);
        var planner = new Actor("planner", Set.of(Role.PLANNER), null);
        var approver = new Actor("approver", Set.of(Role.APPROVER), null);

        var year = LocalDate.now(clock.withZone(Channel.CITY_ZONE)).getYear();
        var plan = plans.createPlan(
                year,
                "Kế hoạch tăng cường thông tin tích cực trên không gian mạng năm " + year,
                "Triển khai Quyết định 3550/QĐ-UBND: kênh chính thức của Thành phố, phối hợp 10-20 trang đối tác.");

        var official = channel(
                Platform.FACEBOOK,
                "100000000000001",
                "Hà Nội - Thông tin chính thức",
                ChannelRole.OFFICIAL,
                410_000,
                "UBND Thành phố Hà Nội");
        var youth = channel(
                Platform.FACEBOOK,
                "100000000000002",
                "Tuổi trẻ Thủ đô",
                ChannelRole.PARTNER,
                128_000,
                "Thành đoàn Hà Nội");
        var news = channel(
                Platform.FACEBOOK, "100000000000003", "Hà Nội Mới", ChannelRole.PARTNER, 96_500, "Báo Hà Nội Mới");
        var district = channel(
                Platform.ZALO,
                "4318000000000000001",
                "Quận Hoàn Kiếm",
                ChannelRole.PARTNER,
                62_300,
                "UBND quận Hoàn Kiếm");

        var society = themes.findByCode("society").orElseThrow().id();
        var economy = themes.findByCode("economy").orElseThrow().id();
        var goodNews = planning.startCampaign(new Campaign.Details(
                plan.id(),
                society,
                "Mỗi ngày một tin tốt - Mỗi tuần một câu chuyện đẹp",
                "Chương trình thường xuyên theo Kế hoạch 287/KH-UBND: một tin tốt mỗi ngày, một câu chuyện đẹp mỗi tuần.",
                LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31),
                new Kpis(2_000_000L, 150_000L, 365),
                Set.of(official.id(), youth.id(), news.id(), district.id())));
        var digital = planning.startCampaign(new Campaign.Details(
                plan.id(),
                economy,
                DIGITAL,
                "Lan toả kết quả chuyển đổi số và kinh tế số của Thành phố.",
                LocalDate.of(year, 9, 1),
                LocalDate.of(year, 12, 31),
                new Kpis(500_000L, 40_000L, 40),
                Set.of(official.id(), news.id())));

        writing.writeContent(
                draft(
                        goodNews,
                        "Người tốt việc tốt: bác xe ôm trả lại ví cho du khách",
                        "Bác Nguyễn Văn Bình ở phường Hàng Bạc đã trả lại chiếc ví có 20 triệu đồng cho một du khách.",
                        List.of("người tốt việc tốt", "Hà Nội")),
                planner);

        var inReview = writing.writeContent(
                draft(
                        goodNews,
                        "Vườn hoa mới bên hồ Hoàn Kiếm",
                        "Không gian xanh mới mở cửa đón người dân và du khách từ sáng nay.",
                        List.of("vùng xanh")),
                planner);
        review.submitForReview(inReview.id(), planner);

        var approved = writing.writeContent(
                draft(
                        digital,
                        "95% thủ tục hành chính được giải quyết trực tuyến",
                        "Thành phố đạt mục tiêu chuyển đổi số năm nay sớm hơn kế hoạch.",
                        List.of("chuyển đổi số")),
                planner);
        review.submitForReview(approved.id(), planner);
        review.approve(approved.id(), approver, "Số liệu đã đối chiếu với Sở KH&CN");

        var scheduled = writing.writeContent(
                draft(
                        goodNews,
                        "Câu chuyện đẹp: lớp học tình thương phố cổ",
                        "Hơn 10 năm, lớp học miễn phí của cô giáo Lan đã giúp hàng trăm trẻ em đến trường.",
                        List.of("câu chuyện đẹp")),
                planner);
        review.submitForReview(scheduled.id(), planner);
        review.approve(scheduled.id(), approver, null);
        var tomorrowSeven = ZonedDateTime.of(
                        LocalDate.now(clock.withZone(Channel.CITY_ZONE)).plusDays(1),
                        LocalTime.of(7, 0),
                        Channel.CITY_ZONE)
                .toOffsetDateTime();
        scheduling.schedule(scheduled.id(), List.of(official.id(), youth.id(), district.id()), tomorrowSeven, planner);

        // One item goes out two minutes after the first start, so a new user sees a post go out through
        // the sandbox and, a quarter of an hour later, its engagement come back.
        var soon = writing.writeContent(
                draft(
                        goodNews,
                        "Hà Nội đón 3 triệu lượt khách quốc tế",
                        "Lượng khách quốc tế đến Hà Nội năm nay tăng mạnh so với cùng kỳ.",
                        List.of("du lịch")),
                planner);
        review.submitForReview(soon.id(), planner);
        review.approve(soon.id(), approver, null);
        scheduling.schedule(
                soon.id(),
                List.of(official.id(), youth.id(), district.id()),
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES).plusMinutes(2),
                planner);

        var rejected = writing.writeContent(
                draft(digital, "Ứng dụng iHanoi có gì mới?", "Bản cập nhật mới của iHanoi.", List.of("iHanoi")),
                planner);
        review.submitForReview(rejected.id(), planner);
        review.reject(rejected.id(), approver, "Cần bổ sung số liệu người dùng và ảnh minh hoạ trước khi đăng.");
    }

    /** Each demo channel gets the sandbox's credentials, checked against the sandbox as real ones would be. */
    private void connectToSandbox() {
        var admin = new Actor("admin", Set.of(Role.ADMIN), null);
        for (var channel : channels.listChannels(admin)) {
            connections.connect(
                    channel.id(),
                    SandboxCredentials.forChannel(channel.platform(), channel.externalId(), clock.instant()),
                    admin);
        }
    }

    private void user(String username, String name, String organisation, Role role) {
        accounts.create(new UserAccounts.NewUser(username, PASSWORD, name, organisation, EnumSet.of(role)));
    }

    private Channel channel(
            Platform platform, String externalId, String name, ChannelRole role, long followers, String organisation) {
        return channels.registerChannel(
                new Channel.Details(platform, externalId, name, role, followers, organisation, null, true));
    }

    private static ContentDraft draft(Campaign campaign, String title, String body, List<String> tags) {
        return new ContentDraft(
                campaign.id(),
                title,
                body,
                "https://hanoi.gov.vn/tin-tuc",
                List.of("https://hanoi.gov.vn/anh/" + Math.abs(title.hashCode()) + ".jpg"),
                tags,
                null);
    }
}
