package vn.loa.app.config;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * The embedded H2 database stays open until Loa has stopped using it. By default H2 closes itself
 * from a JVM shutdown hook of its own, which on SIGTERM runs alongside Spring's shutdown: the
 * engine and Quartz then find "Database is already closed" and an outcome in flight can be lost.
 * With {@code DB_CLOSE_ON_EXIT=FALSE} the database closes when the application closes its pool,
 * after the engine has drained and Quartz has stopped. Added to any H2 address that does not set it.
 */
@Component
class EmbeddedH2Shutdown implements BeanPostProcessor {

    static final String SETTING = "DB_CLOSE_ON_EXIT";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSourceProperties properties) {
            properties.setUrl(withoutCloseOnExit(properties.getUrl()));
        }
        return bean;
    }

    static String withoutCloseOnExit(String url) {
        if (url == null || !url.startsWith("jdbc:h2:") || url.toUpperCase().contains(SETTING)) {
            return url;
        }
        return url + ";" + SETTING + "=FALSE";
    }
}
