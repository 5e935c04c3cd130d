package vn.loa.connectors.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** A WireMock server answering with a platform's documented shapes, one per test class. */
public abstract class WireMockPlatform {

    protected static WireMockServer wm;

    @BeforeAll
    static void startWireMock() {
        wm = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
    }

    @AfterAll
    static void stopWireMock() {
        wm.stop();
    }

    @BeforeEach
    void resetWireMock() {
        wm.resetAll();
    }

    protected static String baseUrl() {
        return "http://127.0.0.1:" + wm.port();
    }
}
