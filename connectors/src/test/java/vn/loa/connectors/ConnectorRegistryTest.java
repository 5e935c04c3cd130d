package vn.loa.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.connectors.facebook.FacebookConnector;
import vn.loa.connectors.facebook.FacebookSettings;

class ConnectorRegistryTest {

    private final Connector facebook =
            new FacebookConnector(FacebookSettings.defaults("http://x"), UsageObserver.NONE, Clock.systemUTC());

    @Test
    void findsTheConnectorOfAPlatform() {
        assertThat(new ConnectorRegistry(List.of(facebook)).forPlatform(Platform.FACEBOOK))
                .isSameAs(facebook);
    }

    @Test
    void failsLoudlyOnAnUnknownOrDoubledPlatform() {
        assertThatThrownBy(() -> new ConnectorRegistry(List.of(facebook)).forPlatform(Platform.ZALO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No connector is configured for ZALO");
        assertThatThrownBy(() -> new ConnectorRegistry(List.of(facebook, facebook)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Two connectors for FACEBOOK");
    }
}
