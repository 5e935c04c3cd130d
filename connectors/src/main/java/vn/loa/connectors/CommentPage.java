package vn.loa.connectors;

import java.util.List;

/**
 * One page of a post's comments made since the reader's mark. {@code nextPageToken} is where the
 * next page starts; null when there are no more new comments (the reader may then move its mark to
 * the newest comment it has seen).
 */
public record CommentPage(List<Comment> comments, String nextPageToken) {

    public static final CommentPage EMPTY = new CommentPage(List.of(), null);

    public CommentPage {
        comments = List.copyOf(comments);
    }

    public boolean hasMore() {
        return nextPageToken != null;
    }
}
