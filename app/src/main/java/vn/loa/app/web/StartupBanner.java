package vn.loa.app.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Tells the person who started Loa where to open it. */
@Component
class StartupBanner implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        var port = event.getWebServer().getPort();
        log.info(
                "Loa is running: open http://localhost:{}/  (API description: http://localhost:{}/swagger-ui.html)",
                port,
                port);
    }
}
