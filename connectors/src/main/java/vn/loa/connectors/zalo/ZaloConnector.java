package vn.loa.connectors.zalo;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.loa.connectors.Capabilities;
import vn.loa.connectors.ChannelAccess;
import vn.loa.connectors.Connector;
import vn.loa.connectors.EngagementSnapshot;
import vn.loa.connectors.MediaFetcher;
import vn.loa.connectors.Platform;
import vn.loa.connectors.PostKind;
import vn.loa.connectors.PublishRequest;
import vn.loa.connectors.PublishedPost;
import vn.loa.connectors.Violation;
import vn.loa.connectors.WriteReceipts;
import vn.loa.connectors.error.ConnectorException;
import vn.loa.connectors.error.FailureKind;
import vn.loa.connectors.zalo.client.ZaloApiException;
import vn.loa.connectors.zalo.client.ZaloArticle;
import vn.loa.connectors.zalo.client.ZaloOaClient;
import vn.loa.connectors.zalo.client.ZaloRecords.ArticleSummary;
import vn.loa.connectors.zalo.client.ZaloRecords.VideoState;

/**
 * Zalo Official Account articles through Loa's own client. Zalo has no publish-time field, so Loa
 * publishes at the instant itself; creation is asynchronous (create, then verify the token until
 * Zalo gives the article id). Once article/create has answered with a token the article exists or
 * will: from then on nothing may create it again, so every failure is an unknown outcome, the token
 * is handed to {@link WriteReceipts} to be kept with the attempt, and settling verifies it again.
 */
public final class ZaloConnector implements Connector {

    /** getslice answers at most 10 articles a call (-201 "maximum limit is 10" above). */
    static final int PAGE_SIZE = 10;
    /** How far back an engagement read or a settlement looks: 1,000 articles of each type. */
    static final int MAX_PAGES = 100;
    /** How far back settling looks for an article by its title, when Zalo cannot tell by its token. */
    static final int SETTLE_PAGES = 5;

    /** Ids read per engagement call: one walk through the listing serves them all. */
    static final int IDS_PER_READ = 50;

    static final String ARTICLE_RECEIPT = "zalo-article:";
    static final String VIDEO_RECEIPT = "zalo-video:";

    private final ZaloOaClient client;
    private final ZaloSettings settings;
    private final ZaloTokens tokens;
    private final ZaloLimits limits;
    private final MediaFetcher media;
    private final Pause pause;
    private final WriteReceipts receipts;
    private final Clock clock;

    private interface ZaloCall<T> {
        T run(String accessToken) throws IOException;
    }

    public ZaloConnector(ZaloSettings settings, MediaFetcher media, Pause pause, Clock clock) {
        this(settings, media, pause, WriteReceipts.NONE, clock);
    }

    public ZaloConnector(ZaloSettings settings, MediaFetcher media, Pause pause, WriteReceipts receipts, Clock clock) {
        this.settings = settings;
        this.receipts = receipts;
        this.client = new ZaloOaClient(
                URI.create(settings.openApiUrl()),
                URI.create(settings.oauthUrl()),
                settings.connectTimeout(),
                settings.readTimeout());
        this.tokens = new ZaloTokens(client, settings, clock);
        this.limits = new ZaloLimits(settings);
        this.media = media;
        this.pause = pause;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return Platform.ZALO;
    }

    @Override
    public Capabilities capabilities() {
        // No scheduler of its own (Loa publishes at the instant) and no comments Loa can read.
        return Capabilities.publishing(EnumSet.of(PostKind.ARTICLE, PostKind.VIDEO))
                .withEdit()
                .withDelete()
                .withEngagementBatchSize(IDS_PER_READ);
    }

    @Override
    public List<Violation> validate(PublishRequest draft) {
        return limits.check(draft);
    }

    @Override
    public PublishedPost publish(PublishRequest r) {
        var article = r.kind() == PostKind.VIDEO ? videoArticle(r, video(r)) : normalArticle(r);
        var token = call(r.channel(), true, access -> client.createArticle(access, article));
        receipts.accepted(r.idempotencyKey(), ARTICLE_RECEIPT + token);
        var id = awaitArticle(r.channel(), token);
        return new PublishedPost(id, null, clock.instant(), false);
    }

    @Override
    public PublishedPost scheduleNatively(PublishRequest request, Instant at) {
        throw ConnectorException.of(
                Platform.ZALO,
                FailureKind.REJECTED,
                "no-native-scheduling",
                "Zalo OA has no scheduler of its own; Loa publishes at the instant");
    }

    @Override
    public void edit(String externalId, PublishRequest changes) {
        if (changes.kind() == PostKind.VIDEO) {
            throw ConnectorException.of(
                    Platform.ZALO,
                    FailureKind.REJECTED,
                    "video-edit",
                    "a Zalo video article's video cannot be replaced; remove it and publish again");
        }
        var token = call(
                changes.channel(), true, access -> client.updateArticle(access, externalId, normalArticle(changes)));
        awaitArticle(changes.channel(), token);
    }

    @Override
    public void delete(ChannelAccess channel, String externalId) {
        call(channel, true, access -> {
            client.removeArticle(access, externalId);
            return null;
        });
    }

    /** Looks for an article with the request's title created since {@code since}. */
    @Override
    public Optional<PublishedPost> findPublished(PublishRequest request, Instant since) {
        return findPublished(request, since, null);
    }

    /**
     * With the article's token from article/create, Zalo itself says: its id once processed (found),
     * or still processing (an UNKNOWN_OUTCOME: not yet, ask again later, never "missing"). Only a
     * token Zalo refuses, or no token, falls back to the listing, matched by title and creation time.
     */
    @Override
    public Optional<PublishedPost> findPublished(PublishRequest request, Instant since, String receipt) {
        if (receipt != null && receipt.startsWith(ARTICLE_RECEIPT)) {
            var token = receipt.substring(ARTICLE_RECEIPT.length());
            try {
                var id = call(request.channel(), false, access -> client.verifyArticle(access, token));
                if (id.isPresent()) {
                    return Optional.of(new PublishedPost(id.get(), null, clock.instant(), false));
                }
                throw ConnectorException.of(
                        Platform.ZALO,
                        FailureKind.UNKNOWN_OUTCOME,
                        String.valueOf(ZaloOaClient.ARTICLE_PROCESSING),
                        "Zalo is still processing the article");
            } catch (ConnectorException e) {
                if (e.kind() != FailureKind.REJECTED) {
                    throw e;
                }
                // Zalo no longer knows the token: the listing decides.
            }
        }
        var type = request.kind() == PostKind.VIDEO ? "video" : "normal";
        var from = since.minusSeconds(60).toEpochMilli();
        for (int page = 0; page < SETTLE_PAGES; page++) {
            int offset = page * PAGE_SIZE;
            var slice = call(request.channel(), false, access -> client.listArticles(access, offset, PAGE_SIZE, type));
            var match = slice.articles().stream()
                    .filter(a -> a.title().equals(request.title()))
                    .filter(a -> a.createDate() >= from)
                    .findFirst();
            if (match.isPresent()) {
                var a = match.get();
                return Optional.of(new PublishedPost(a.id(), a.link(), Instant.ofEpochMilli(a.createDate()), false));
            }
            // Newest first: a page reaching back before the attempt ends the search.
            if (slice.articles().isEmpty()
                    || slice.articles().get(slice.articles().size() - 1).createDate() < from) {
                break;
            }
        }
        return Optional.empty();
    }

    @Override
    public List<PublishedPost> listNativelyScheduled(ChannelAccess channel) {
        return List.of();
    }

    /**
     * Zalo has no per-article read: views and shares come from the article listing, read 10 at a
     * time (normal then video articles) until every asked-for article is found or a page comes back
     * empty. A short page does not end the listing: Zalo's pages are not promised to be full.
     */
    @Override
    public Map<String, EngagementSnapshot> readEngagement(ChannelAccess channel, List<String> ids) {
        var wanted = new HashSet<>(ids);
        var result = new LinkedHashMap<String, EngagementSnapshot>();
        for (var type : List.of("normal", "video")) {
            for (int page = 0; page < MAX_PAGES && !wanted.isEmpty(); page++) {
                int offset = page * PAGE_SIZE;
                var slice = call(channel, false, access -> client.listArticles(access, offset, PAGE_SIZE, type));
                if (slice.articles().isEmpty()) {
                    break;
                }
                var now = clock.instant();
                for (ArticleSummary a : slice.articles()) {
                    if (wanted.remove(a.id())) {
                        result.put(
                                a.id(),
                                new EngagementSnapshot(a.id(), now, null, null, a.totalShare(), a.totalView(), null));
                    }
                }
            }
        }
        return result;
    }

    @Override
    public long followerCount(ChannelAccess channel) {
        return call(channel, false, client::followers);
    }

    private ZaloArticle.Normal normalArticle(PublishRequest r) {
        var blocks = new ArrayList<ZaloArticle.BodyBlock>();
        for (var paragraph : (r.text() == null ? "" : r.text()).split("\\n\\s*\\n")) {
            if (!paragraph.isBlank()) {
                blocks.add(ZaloArticle.BodyBlock.text(paragraph.strip()));
            }
        }
        for (var image : r.media()) {
            blocks.add(ZaloArticle.BodyBlock.image(image.url(), null));
        }
        if (r.link() != null && !r.link().isBlank()) {
            blocks.add(ZaloArticle.BodyBlock.text(r.link()));
        }
        return new ZaloArticle.Normal(
                r.title(),
                limits.author(r.author()),
                r.cover() == null ? null : r.cover().url(),
                r.summary() == null ? "" : r.summary(),
                blocks,
                true,
                true);
    }

    private ZaloArticle.Video videoArticle(PublishRequest r, String videoId) {
        return new ZaloArticle.Video(
                r.title(),
                r.summary() == null ? "" : r.summary(),
                videoId,
                r.cover() == null ? null : r.cover().url(),
                true);
    }

    /**
     * The id of the request's video, uploaded and processed. An earlier attempt's upload (its token
     * in the request's receipt) is checked first and used if Zalo still knows it, so that an attempt
     * cut off while Zalo was processing does not upload the file again.
     */
    private String video(PublishRequest r) {
        if (r.receipt() != null && r.receipt().startsWith(VIDEO_RECEIPT)) {
            try {
                return awaitVideo(r.channel(), r.receipt().substring(VIDEO_RECEIPT.length()));
            } catch (ConnectorException e) {
                if (e.kind() != FailureKind.REJECTED || !"-201".equals(e.platformCode())) {
                    throw e;
                }
                // Zalo no longer knows the token: upload again.
            }
        }
        var file = r.media().get(0);
        var token = call(r.channel(), true, access -> {
            var fetched = media.fetch(file);
            try (var stream = fetched.stream()) {
                var name = file.url().substring(file.url().lastIndexOf('/') + 1);
                return client.prepareVideo(
                        access, name.isBlank() ? "video.mp4" : name, fetched.contentType(), stream.readAllBytes());
            }
        });
        receipts.accepted(r.idempotencyKey(), VIDEO_RECEIPT + token);
        return awaitVideo(r.channel(), token);
    }

    /** Checks an uploaded video until Zalo has processed it; a final state other than ready fails the post. */
    private String awaitVideo(ChannelAccess channel, String token) {
        for (int attempt = 0; attempt < settings.verifyAttempts(); attempt++) {
            var status = call(channel, false, access -> client.verifyVideo(access, token));
            if (status.state() == VideoState.READY) {
                return status.videoId();
            }
            if (status.state().isFinal()) {
                throw ConnectorException.of(
                        Platform.ZALO,
                        FailureKind.REJECTED,
                        "video-" + status.state().name().toLowerCase(),
                        "Zalo will not publish the video: it is "
                                + status.state().name().toLowerCase()
                                + (status.message() == null ? "" : " (" + status.message() + ")"));
            }
            pause.pause(settings.verifyPause());
        }
        // Retried later from the same upload (its token is kept with the attempt), not uploaded again.
        throw ConnectorException.of(
                Platform.ZALO, FailureKind.TRANSIENT, "video-processing", "Zalo is still processing the video");
    }

    /**
     * Verifies the creation token until Zalo gives the article id. Zalo has accepted the article by
     * now, so a failed check (a rate limit, a 5xx, a timeout, a refused token) does not mean it is
     * not there: every failure is an unknown outcome, settled by verifying the token again.
     */
    private String awaitArticle(ChannelAccess channel, String token) {
        for (int attempt = 0; attempt < settings.verifyAttempts(); attempt++) {
            Optional<String> id;
            try {
                id = call(channel, false, access -> client.verifyArticle(access, token));
            } catch (ConnectorException e) {
                throw new ConnectorException(
                        Platform.ZALO,
                        FailureKind.UNKNOWN_OUTCOME,
                        e.platformCode(),
                        e.httpStatus(),
                        e.retryAfter(),
                        null,
                        "Zalo accepted the article but checking it failed (" + e.kind() + ")",
                        null);
            }
            if (id.isPresent()) {
                return id.get();
            }
            pause.pause(settings.verifyPause());
        }
        // The article was accepted and may yet appear: only Zalo, asked again, can tell.
        throw ConnectorException.of(
                Platform.ZALO,
                FailureKind.UNKNOWN_OUTCOME,
                String.valueOf(ZaloOaClient.ARTICLE_PROCESSING),
                "Zalo is still processing the article after " + settings.verifyAttempts() + " checks");
    }

    /** Runs a call with a fresh access token, refreshing once if Zalo calls the token invalid or expired. */
    private <T> T call(ChannelAccess channel, boolean write, ZaloCall<T> work) {
        var token = tokens.accessToken(channel);
        try {
            try {
                return work.run(token);
            } catch (ZaloApiException e) {
                if (!ZaloErrors.isTokenProblem(e)) {
                    throw e;
                }
                return work.run(tokens.refresh(channel, token));
            }
        } catch (ZaloApiException e) {
            throw ZaloErrors.map(e, write, untilTomorrow());
        } catch (IOException e) {
            throw ZaloErrors.network(e, write);
        }
    }

    private Duration untilTomorrow() {
        var now = clock.instant().atZone(settings.quotaZone());
        return Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(settings.quotaZone()));
    }
}
