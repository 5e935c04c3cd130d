package vn.loa.app.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two doors: the JSON API at /api/** (HTTP Basic, no session, problem+json on refusal) and the web
 * pages (form sign-in). Anonymous callers get nothing but health and the API description.
 * Which role may do what is decided by the use cases themselves (see vn.loa.campaigns.access).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, JsonMapper json) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((req, res, e) -> {
                    res.setHeader("WWW-Authenticate", "Basic realm=\"Loa\"");
                    problem(res, json, HttpStatus.UNAUTHORIZED, "Sign in to use the Loa API");
                }))
                .exceptionHandling(ex -> ex.authenticationEntryPoint((req, res, e) -> {
                            res.setHeader("WWW-Authenticate", "Basic realm=\"Loa\"");
                            problem(res, json, HttpStatus.UNAUTHORIZED, "Sign in to use the Loa API");
                        })
                        .accessDeniedHandler((req, res, e) ->
                                problem(res, json, HttpStatus.FORBIDDEN, "Your role does not allow this")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless Basic-auth calls carry no browser session to forge.
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(
                        a -> a.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                                .permitAll()
                                .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                                .permitAll()
                                .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error")
                                .permitAll()
                                // Uploaded media, fetched by the platforms by its unguessable address.
                                .requestMatchers("/media/**")
                                .permitAll()
                                .requestMatchers("/actuator/**")
                                .hasRole("ADMIN")
                                .anyRequest()
                                .authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(Customizer.withDefaults())
                .build();
    }

    private static void problem(HttpServletResponse res, JsonMapper json, HttpStatus status, String detail)
            throws IOException {
        var body = ProblemDetail.forStatusAndDetail(status, detail);
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(res.getOutputStream(), body);
    }
}
