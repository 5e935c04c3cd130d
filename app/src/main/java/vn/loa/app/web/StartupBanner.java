package vn.loa.app.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Tells the person who started Loa where to open it, once it is ready: after the start-up runners
 * (the first administrator, the demo data) have run, so that signing in at once works.
 */
@Component
class StartupBanner implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        var port = web.getWebServer().getPort();
        log.info(
                "Loa is running: open http://localhost:{}/  (API description: http://localhost:{}/swagger-ui.html)",
                port,
                port);
    }
}
