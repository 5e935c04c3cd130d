package vn.loa.app.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.loa.app.support.PostgresApiTest;

/** {@code PUT /api/channels/{id}} changes what it is given and keeps every setting it leaves out. */
class ChannelChangeApiTest extends PostgresApiTest {

    @Test
    void fieldsLeftOutOfAChangeKeepTheirValues() {
        var id = channel("FACEBOOK", "UBND");
        var tuned = as("admin").put("/api/channels/" + id, Map.of("nativeScheduling", true, "maxInFlight", 9));
        assertThat(tuned.status()).isEqualTo(200);

        var renamed =
                as("admin").put("/api/channels/" + id, Map.of("displayName", "Trang UBND mới", "organisation", "UBND"));

        assertThat(renamed.status()).isEqualTo(200);
        var now = as("admin").get("/api/channels/" + id).body();
        assertThat(now.path("displayName").asString()).isEqualTo("Trang UBND mới");
        assertThat(now.path("nativeScheduling").asBoolean())
                .as("not reset by a change that left it out")
                .isTrue();
        assertThat(now.path("maxInFlight").asInt()).isEqualTo(9);
        assertThat(now.path("platform").asString()).isEqualTo("FACEBOOK");
        assertThat(now.path("followerCount").asLong()).isEqualTo(60_000);
    }

    @Test
    void aFieldGivenIsStillCheckedAndABadChangeStoresNothing() {
        var id = channel("ZALO", "UBND");
        var refused = as("admin").put("/api/channels/" + id, Map.of("maxInFlight", 0, "displayName", " "));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error("maxInFlight")).isEqualTo("must be between 1 and 50");
        assertThat(refused.error("displayName")).isNotBlank();
        assertThat(as("admin")
                        .get("/api/channels/" + id)
                        .body()
                        .path("maxInFlight")
                        .asInt())
                .isEqualTo(4);
    }
}
