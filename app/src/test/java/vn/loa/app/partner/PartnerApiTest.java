package vn.loa.app.partner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.loa.app.support.PostgresApiTest;

/** Helpers shared by the partner tests: organisations, pages and partner admins made over the API. */
public abstract class PartnerApiTest extends PostgresApiTest {

    /** The organisation of the base class's {@code partner} user, made once and found afterwards. */
    protected long partnerOrg() {
        for (var o : as("admin").get("/api/partners/organisations").body()) {
            if (PARTNER_ORG.equals(o.path("name").asString())) {
                return o.path("id").asLong();
            }
        }
        return organisation(PARTNER_ORG, "CITY", null);
    }

    protected long organisation(String name, String kind, Long parentId) {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", name);
        body.put("kind", kind);
        body.put("parentId", parentId);
        var res = as("planner").post("/api/partners/organisations", body);
        assertCreated(res);
        return res.id();
    }

    protected long page(long organisationId, String platform, long followers) {
        var id = "p" + unique();
        var url = switch (platform) {
            case "FACEBOOK" -> "https://www.facebook.com/" + id;
            case "YOUTUBE" -> "https://www.youtube.com/channel/" + id;
            default -> "https://zalo.me/" + id;
        };
        var res = as("planner")
                .post(
                        "/api/partners/pages",
                        Map.of(
                                "organisationId",
                                organisationId,
                                "platform",
                                platform,
                                "externalId",
                                id,
                                "url",
                                url,
                                "displayName",
                                "Trang " + id,
                                "followerCount",
                                followers,
                                "audienceNotes",
                                "Đoàn viên thanh niên"));
        assertCreated(res);
        return res.id();
    }

    protected long selectedPage(long organisationId, String platform, long followers) {
        var id = page(organisationId, platform, followers);
        var res = as("planner")
                .post("/api/partners/pages/" + id + "/status", Map.of("status", "SELECTED", "reason", "đạt tiêu chí"));
        if (res.status() != 200) {
            throw new AssertionError("could not select page " + id + ": " + res.text());
        }
        return id;
    }

    /** A partner admin bound to an organisation, made over the API. */
    protected void partnerAdmin(String username, String organisation) {
        var res = as("admin")
                .post(
                        "/api/users",
                        Map.of(
                                "username",
                                username,
                                "password",
                                PASSWORD,
                                "displayName",
                                username,
                                "organisation",
                                organisation,
                                "roles",
                                List.of("PARTNER_ADMIN")));
        assertCreated(res);
    }
}
