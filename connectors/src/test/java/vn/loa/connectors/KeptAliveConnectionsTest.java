package vn.loa.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.loa.connectors.facebook.FacebookConnector;
import vn.loa.connectors.youtube.YouTubeConnector;

class KeptAliveConnectionsTest {

    @Test
    void theConnectorsKeepEnoughConnectionsAliveForThePublishThreads() throws Exception {
        // Loading either connector class sets the JDK's limit unless an operator set one.
        Class.forName(FacebookConnector.class.getName());
        Class.forName(YouTubeConnector.class.getName());
        var set = System.getProperty("http.maxConnections");
        assertThat(set).isNotNull();
        assertThat(Integer.parseInt(set)).isGreaterThanOrEqualTo(KeptAliveConnections.PER_HOST);
    }
}
