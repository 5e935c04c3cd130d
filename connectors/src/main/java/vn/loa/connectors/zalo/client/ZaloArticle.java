package vn.loa.connectors.zalo.client;

import java.util.List;

/** An OA article as article/create and article/update take it. */
public sealed interface ZaloArticle permits ZaloArticle.Normal, ZaloArticle.Video {

    /** A normal article: cover photo, description and body blocks. */
    record Normal(
            String title,
            String author,
            String coverPhotoUrl,
            String description,
            List<BodyBlock> body,
            boolean visible,
            boolean comments)
            implements ZaloArticle {}

    /** A video article around a video uploaded with preparevideo. */
    record Video(String title, String description, String videoId, String avatarUrl, boolean comments)
            implements ZaloArticle {}

    /** One block of a normal article's body. */
    record BodyBlock(String type, String content, String url, String caption) {

        public static BodyBlock text(String content) {
            return new BodyBlock("text", content, null, null);
        }

        public static BodyBlock image(String url, String caption) {
            return new BodyBlock("image", null, url, caption);
        }
    }
}
