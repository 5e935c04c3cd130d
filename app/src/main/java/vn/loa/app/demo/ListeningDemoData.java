package vn.loa.app.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.loa.app.engagement.CollectionRun;
import vn.loa.app.listening.CommentCollector;
import vn.loa.app.listening.SpikeDetector;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.audit.AuditTrail;
import vn.loa.campaigns.campaign.Campaign;
import vn.loa.campaigns.campaign.CampaignFilter;
import vn.loa.campaigns.campaign.CampaignPlanning;
import vn.loa.campaigns.campaign.CampaignRepository;
import vn.loa.campaigns.channel.Channel;
import vn.loa.campaigns.channel.ChannelRepository;
import vn.loa.campaigns.channel.Channels;
import vn.loa.campaigns.content.ContentDraft;
import vn.loa.campaigns.content.ContentRepository;
import vn.loa.campaigns.delivery.DeliveryRepository;
import vn.loa.campaigns.delivery.PlatformPosts;
import vn.loa.campaigns.listening.TopicDraft;
import vn.loa.campaigns.listening.TopicKind;
import vn.loa.campaigns.listening.Watchlists;
import vn.loa.campaigns.shared.PageRequest;
import vn.loa.campaigns.theme.ThemeRepository;
import vn.loa.campaigns.workflow.ContentReview;
import vn.loa.campaigns.workflow.ContentWriting;
import vn.loa.campaigns.workflow.DeliveryProgress;
import vn.loa.campaigns.workflow.PlatformLimits;
import vn.loa.campaigns.workflow.Scheduling;
import vn.loa.connectors.Platform;
import vn.loa.connectors.sandbox.PlatformSandbox;

/**
 * Listening in the demo, so its views and reports are not empty on first start: watchlists of the
 * economy theme (a rumour, topics, one topic shared with the society theme), two posts of the
 * digital-economy campaign that went out yesterday and this morning on the built-in sandbox's
 * Facebook pages, and the public's comments under them, in Vietnamese with and without diacritics
 * and with the usual short forms, ending in a burst about the rumour. The sandbox serves them
 * through the comment endpoint Loa's connector reads; Loa then reads them once, as the collection
 * job's comment step does (the run itself is left to its schedule), and judges spikes.
 *
 * <p>The posts go through the workflow's own steps (written, approved, scheduled, published) with
 * a clock set at the hour each happened, so their audit trail reads in order; they are published
 * by recording them as the engine does, on posts put straight into the sandbox, because the engine
 * cannot publish in the past.
 */
@Component
@Order(5)
@ConditionalOnProperty(name = "loa.demo-data", havingValue = "true")
class ListeningDemoData implements ApplicationRunner {

    static final String RUMOUR = "Tin đồn thu phí dịch vụ công trực tuyến";
    private static final Logger log = LoggerFactory.getLogger(ListeningDemoData.class);
    private static final Actor PLANNER = new Actor("planner", Set.of(Role.PLANNER), null);
    private static final Actor APPROVER = new Actor("approver", Set.of(Role.APPROVER), null);
    private static final Actor ADMIN = new Actor("admin", Set.of(Role.ADMIN), null);

    /** The domain's parts, for use cases made with a clock of their own (the hour a post went out). */
    record Parts(
            ContentRepository contents,
            CampaignRepository campaigns,
            ChannelRepository channels,
            DeliveryRepository deliveries,
            AuditTrail audit,
            PlatformPosts posts,
            PlatformLimits limits) {}

    private final Watchlists watchlists;
    private final CampaignPlanning planning;
    private final Channels channels;
    private final ThemeRepository themes;
    private final Parts parts;
    private final ObjectProvider<PlatformSandbox> sandbox;
    private final CommentCollector collector;
    private final SpikeDetector spikes;
    private final TransactionTemplate tx;
    private final Clock clock;

    ListeningDemoData(
            Watchlists watchlists,
            CampaignPlanning planning,
            Channels channels,
            ThemeRepository themes,
            ContentRepository contents,
            CampaignRepository campaigns,
            ChannelRepository channelRepository,
            DeliveryRepository deliveries,
            AuditTrail audit,
            PlatformPosts posts,
            PlatformLimits limits,
            ObjectProvider<PlatformSandbox> sandbox,
            CommentCollector collector,
            SpikeDetector spikes,
            TransactionTemplate tx,
            Clock clock) {
        this.watchlists = watchlists;
        this.planning = planning;
        this.channels = channels;
        this.themes = themes;
        this.parts = new Parts(contents, campaigns, channelRepository, deliveries, audit, posts, limits);
        this.sandbox = sandbox;
        this.collector = collector;
        this.spikes = spikes;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        var platform = sandbox.getIfAvailable();
        if (platform == null
                || watchlists.listTopics(null, ADMIN).stream()
                        .anyMatch(t -> t.name().equals(RUMOUR))) {
            return;
        }
        var digital = planning
                .findCampaigns(new CampaignFilter(null, null, null, null, null), PageRequest.of(0, 200))
                .items()
                .stream()
                .filter(c -> c.name().equals(DemoData.DIGITAL))
                .findFirst();
        if (digital.isEmpty()) {
            return;
        }
        try {
            tx.executeWithoutResult(status -> load(platform, digital.get()));
            var tally = readComments();
            log.info(
                    "Loaded the listening demo: watchlists, two published posts and {} comments read from the sandbox",
                    tally);
        } catch (RuntimeException e) {
            // Extra content only: the demo still starts, and says why this part is missing.
            log.warn("The listening demo data was not loaded: {}", e.getMessage());
        }
    }

    private void load(PlatformSandbox platform, Campaign digital) {
        var economy = themes.findByCode("economy").orElseThrow().id();
        var society = themes.findByCode("society").orElseThrow().id();
        topic(RUMOUR, TopicKind.RUMOUR, List.of("thu phí dịch vụ công", "mất phí", "phải trả phí"), economy);
        topic("Lỗi cổng dịch vụ công", TopicKind.TOPIC, List.of("không đăng nhập được", "bị lỗi", "bị treo"), economy);
        topic("Khen dịch vụ trực tuyến", TopicKind.TOPIC, List.of("nhanh gọn", "tiện lợi", "cảm ơn"), economy);
        topic("Wifi công cộng", TopicKind.TOPIC, List.of("wifi", "mạng chậm"), economy);
        topic(
                "Lừa đảo qua mạng",
                TopicKind.RUMOUR,
                List.of("lừa đảo", "giả danh", "đánh cắp thông tin"),
                economy,
                society);

        var all = channels.listChannels(ADMIN);
        var now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        var online = publish(
                platform,
                digital,
                channel(all, "100000000000001"),
                "Từ 1/12, nộp hồ sơ dịch vụ công trực tuyến được miễn lệ phí",
                "Người dân nộp hồ sơ trên Cổng dịch vụ công của Thành phố được miễn lệ phí đến hết năm sau.",
                now.minus(Duration.ofHours(27)));
        var wifi = publish(
                platform,
                digital,
                channel(all, "100000000000003"),
                "Hà Nội mở thêm 20 điểm wifi miễn phí ở phố đi bộ",
                "Từ cuối tuần này, người dân và du khách dùng wifi miễn phí quanh hồ Hoàn Kiếm.",
                now.minus(Duration.ofHours(7)));

        // Yesterday and today under the online-services post: a mention of the rumour every couple of
        // hours, then a burst in the last hour (a spike the alert and the rebuttal button start from).
        var state = platform.state();
        var quiet = List.of(
                "Làm hồ sơ online nhanh gọn, cảm ơn thành phố",
                "lam ho so online nhanh gon that, ko phai xep hang",
                "Cổng dịch vụ công tối qua bị treo, ko đăng nhập được",
                "k dang nhap dc tu sang, ai bi giong minh ko",
                "Tiện lợi quá, cả nhà tôi làm xong trong 10 phút",
                "Nghe nói từ tháng sau phải trả phí, có đúng không ạ?",
                "Web bị lỗi khi tải ảnh căn cước lên",
                "cam on so da ho tro qua tong dai",
                "Mọi người nhớ chỉ vào trang chính thức nhé");
        var start = now.minus(Duration.ofHours(26));
        for (int i = 0; i < 24; i++) {
            state.addComment(
                    online,
                    "fb-dan-" + (i % 11),
                    quiet.get(i % quiet.size()),
                    start.plus(Duration.ofMinutes(60L * i + 7 * (i % 5))),
                    i % 6);
        }
        var burst = List.of(
                "nghe noi sap thu phi dich vu cong truc tuyen, ai biet ko",
                "Bạn tôi bảo làm trên cổng bị mất phí 50 nghìn",
                "mat phi thi ai lam online nua",
                "Có phải từ tháng 1 phải trả phí không admin ơi",
                "THU PHÍ DỊCH VỤ CÔNG à??? vậy miễn phí là sao",
                "nhom zalo dang chia se tin phai tra phi, that ko");
        for (int i = 0; i < 14; i++) {
            state.addComment(
                    online,
                    "fb-dan-" + (20 + i),
                    burst.get(i % burst.size()),
                    now.minus(Duration.ofMinutes(55L - 3 * i)),
                    3 + i % 9);
        }
        var wifiComments = List.of(
                "Tuyệt vời, cuối tuần ra phố đi bộ dùng thử",
                "wifi mien phi co an toan ko, so bi danh cap thong tin",
                "Cẩn thận lừa đảo giả danh wifi của thành phố",
                "Hôm qua thử rồi, mạng chậm quá",
                "mang cham nhung mien phi la tot roi",
                "Nên có biển hướng dẫn tên wifi chính thức để tránh lừa đảo");
        for (int i = 0; i < 12; i++) {
            state.addComment(
                    wifi,
                    "fb-ban-" + (i % 8),
                    wifiComments.get(i % wifiComments.size()),
                    now.minus(Duration.ofHours(6)).plus(Duration.ofMinutes(25L * i)),
                    i % 4);
        }
    }

    private void topic(String name, TopicKind kind, List<String> phrases, Long... themeIds) {
        watchlists.addTopic(new TopicDraft(name, kind, phrases, List.of(themeIds)), PLANNER);
    }

    private static Channel channel(List<Channel> all, String externalId) {
        return all.stream()
                .filter(c -> c.platform() == Platform.FACEBOOK && c.externalId().equals(externalId))
                .findFirst()
                .orElseThrow();
    }

    /**
     * One post through the workflow, at {@code at}: written and approved the hour before, scheduled
     * for {@code at}, published on the sandbox page then. Returns the platform's post id.
     */
    private String publish(
            PlatformSandbox platform, Campaign campaign, Channel channel, String title, String body, Instant at) {
        var before = Clock.fixed(at.minus(Duration.ofHours(1)), clock.getZone());
        var p = parts;
        var writing = new ContentWriting(
                p.contents(), p.campaigns(), p.channels(), p.deliveries(), p.audit(), p.posts(), before);
        // Nothing to wake: the delivery is published below, in this transaction.
        var review =
                new ContentReview(p.contents(), p.deliveries(), p.audit(), p.limits(), p.channels(), due -> {}, before);
        var scheduling =
                new Scheduling(p.contents(), p.deliveries(), p.channels(), p.audit(), due -> {}, p.posts(), before);
        var item = writing.writeContent(
                new ContentDraft(
                        campaign.id(),
                        title,
                        body,
                        "https://hanoi.gov.vn/tin-tuc",
                        List.of("https://hanoi.gov.vn/anh/" + Math.abs(title.hashCode()) + ".jpg"),
                        List.of("chuyển đổi số"),
                        null),
                PLANNER);
        review.submitForReview(item.id(), PLANNER);
        review.approve(item.id(), APPROVER, null);
        var delivery = scheduling
                .schedule(item.id(), List.of(channel.id()), OffsetDateTime.ofInstant(at, clock.getZone()), PLANNER)
                .get(0);
        var ref = platform.state().seedPost(Platform.FACEBOOK, channel.externalId(), null, body, at);
        var progress = new DeliveryProgress(p.contents(), p.deliveries(), p.audit(), Clock.fixed(at, clock.getZone()));
        progress.startPublishing(delivery.id());
        progress.recordPublished(delivery.id(), ref);
        return ref;
    }

    /** The first comment read, chunk by chunk as the readComments step does, then spike detection. */
    private int readComments() {
        var due = collector.due();
        if (due.isEmpty()) {
            return 0;
        }
        var matcher = collector.matcher();
        var run = new CollectionRun();
        int comments = 0;
        for (int from = 0; from < due.size(); from += 10) {
            var chunk = new ArrayList<>(due.subList(from, Math.min(due.size(), from + 10)));
            comments += tx.execute(s -> collector.read(run, matcher, chunk)).comments();
        }
        tx.executeWithoutResult(s -> spikes.detect());
        return comments;
    }
}
