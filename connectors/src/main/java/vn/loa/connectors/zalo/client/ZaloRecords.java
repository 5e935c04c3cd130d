package vn.loa.connectors.zalo.client;

import java.util.List;

/** What the Zalo OA Open API answers, as typed records. */
public final class ZaloRecords {

    private ZaloRecords() {}

    /**
     * One article in a getslice listing, with the only engagement numbers Zalo gives. {@code createDate}
     * and {@code updateDate} are epoch milliseconds, whichever unit Zalo sent (see ZaloOaClient).
     */
    public record ArticleSummary(
            String id,
            String type,
            String title,
            String status,
            long totalView,
            long totalShare,
            long createDate,
            long updateDate,
            String link) {}

    public record ArticleSlice(long total, List<ArticleSummary> articles) {}

    /**
     * Video processing state from upload_video/verify, by Zalo's status numbers (1 ready, 2 locked,
     * 3 processing, 4 failed, 5 deleted). Locked, failed and deleted are final: checking again
     * cannot change them.
     */
    public enum VideoState {
        READY,
        LOCKED,
        PROCESSING,
        FAILED,
        DELETED,
        /** A number Zalo's documentation does not list: treated as still processing, never as ready. */
        UNLISTED;

        public static VideoState of(int status) {
            return switch (status) {
                case 1 -> READY;
                case 2 -> LOCKED;
                case 3 -> PROCESSING;
                case 4 -> FAILED;
                case 5 -> DELETED;
                default -> UNLISTED;
            };
        }

        public boolean isFinal() {
            return this == LOCKED || this == FAILED || this == DELETED;
        }
    }

    public record VideoStatus(String videoId, VideoState state, String message) {}

    /** A refreshed token pair; the refresh token replaces the one used, which is now spent. */
    public record TokenPair(String accessToken, String refreshToken, long expiresInSeconds) {

        @Override
        public String toString() {
            return "TokenPair[expiresIn=" + expiresInSeconds + ", tokens=***]";
        }
    }
}
