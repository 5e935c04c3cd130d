package vn.loa.app.web;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.loa.app.security.UserAccounts;

/** The web pages' wiring: the per-user language, and the signed-in person as a handler parameter. */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    private final UserAccounts accounts;

    WebConfig(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Bean
    LocaleResolver localeResolver(UserSettings settings) {
        return new UserLocaleResolver(settings);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentWebUser(accounts));
    }
}
