package vn.loa.app.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
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

    /** Both doors sign people in the same way (one place for the password check and its refusals). */
    @Bean
    AuthenticationManager authenticationManager(
            UserAccounts accounts, PasswordEncoder encoder, SignInThrottle throttle) {
        return new ProviderManager(new PasswordAuthentication(accounts, encoder, throttle));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, JsonMapper json, AuthenticationManager signIn, UserAccounts accounts)
            throws Exception {
        var problems = new ProblemWriter(json);
        return http.securityMatcher("/api/**")
                .authenticationManager(signIn)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((req, res, e) -> {
                    res.setHeader("WWW-Authenticate", "Basic realm=\"Loa\"");
                    problems.write(res, HttpStatus.UNAUTHORIZED, "Sign in to use the Loa API");
                }))
                .exceptionHandling(ex -> ex.authenticationEntryPoint((req, res, e) -> {
                            res.setHeader("WWW-Authenticate", "Basic realm=\"Loa\"");
                            problems.write(res, HttpStatus.UNAUTHORIZED, "Sign in to use the Loa API");
                        })
                        .accessDeniedHandler((req, res, e) ->
                                problems.write(res, HttpStatus.FORBIDDEN, "Your role does not allow this")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless Basic-auth calls carry no browser session to forge.
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(AccountGate.forApi(accounts, problems), AuthorizationFilter.class)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, AuthenticationManager signIn, UserAccounts accounts) throws Exception {
        return http.authenticationManager(signIn)
                .addFilterBefore(AccountGate.forPages(accounts), AuthorizationFilter.class)
                .authorizeHttpRequests(
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
}
