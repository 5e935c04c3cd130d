package vn.loa.app.request;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.connectors.MediaAddresses;

/** The filters every request passes first (safety headers, then the body limit), and the media address guard. */
@Configuration(proxyBeanMethods = false)
class RequestSafetyConfig {

    /** Ahead of everything, so even tracked links and refusals by filters carry the headers. */
    static final int HEADERS_ORDER = Ordered.HIGHEST_PRECEDENCE;

    @Bean
    FilterRegistrationBean<SafetyHeaders> safetyHeaders() {
        var registration = new FilterRegistrationBean<>(new SafetyHeaders());
        registration.setOrder(HEADERS_ORDER);
        return registration;
    }

    /** Where Loa may fetch media from: public addresses, and the hosts the settings allow. */
    @Bean
    MediaAddresses mediaAddresses(RequestProperties properties) {
        return MediaAddresses.allowing(properties.mediaAllowedHosts());
    }

    @Bean
    FilterRegistrationBean<BodyLimit> bodyLimit(RequestProperties properties, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new BodyLimit(properties, json));
        registration.setOrder(HEADERS_ORDER + 1);
        return registration;
    }
}
