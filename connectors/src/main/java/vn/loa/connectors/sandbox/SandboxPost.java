package vn.loa.connectors.sandbox;

import java.time.Instant;
import vn.loa.connectors.Platform;

/** A post the sandbox holds, as the emulated platform would. */
public record SandboxPost(
        Platform platform,
        String channelId,
        String id,
        String kind,
        String title,
        String text,
        Instant createdAt,
        Instant liveAt,
        boolean deleted) {

    SandboxPost asDeleted() {
        return new SandboxPost(platform, channelId, id, kind, title, text, createdAt, liveAt, true);
    }

    SandboxPost edited(String newTitle, String newText) {
        return new SandboxPost(
                platform,
                channelId,
                id,
                kind,
                newTitle == null ? title : newTitle,
                newText == null ? text : newText,
                createdAt,
                liveAt,
                deleted);
    }

    boolean isLive(Instant now) {
        return !deleted && !liveAt.isAfter(now);
    }
}
