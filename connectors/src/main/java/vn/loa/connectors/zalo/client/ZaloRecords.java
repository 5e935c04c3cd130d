package vn.loa.connectors.zalo.client;

import java.util.List;

/** What the Zalo OA Open API answers, as typed records. */
public final class ZaloRecords {

    private ZaloRecords() {}

    /** One article in a getslice listing, with the only engagement numbers Zalo gives. */
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

    /** Video processing state from upload_video/verify: 1 ready, 3 processing, 4 failed. */
    public record VideoStatus(String videoId, int status, String message) {

        public boolean ready() {
            return status == 1;
        }

        public boolean failed() {
            return status == 4;
        }
    }

    /** A refreshed token pair; the refresh token replaces the one used, which is now spent. */
    public record TokenPair(String accessToken, String refreshToken, long expiresInSeconds) {

        @Override
        public String toString() {
            return "TokenPair[expiresIn=" + expiresInSeconds + ", tokens=***]";
        }
    }
}
