package vn.loa.app.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.app.request.JsonWritesOnly;
import vn.loa.app.request.Problems;

/**
 * Three doors: the JSON API at /api/** (HTTP Basic, no session, problem+json on refusal, JSON-only
 * writes), the actuator for monitoring (Basic or an administrator's session) and the web pages
 * (form sign-in, CSRF tokens). Anonymous callers get nothing but health and the API description.
 * Which role may do what is decided by the use cases themselves (see vn.loa.campaigns.access).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Every door signs people in the same way (one place for the password check and its refusals). */
    @Bean
    AuthenticationManager authenticationManager(
            UserAccounts accounts, PasswordEncoder encoder, SignInThrottle throttle, TotpAccounts totp) {
        return new ProviderManager(new PasswordAuthentication(accounts, encoder, throttle, totp));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http,
            JsonMapper json,
            AuthenticationManager signIn,
            UserAccounts accounts,
            ApiTokens tokens,
            TotpAccounts totp)
            throws Exception {
        return http.securityMatcher("/api/**")
                .authenticationManager(signIn)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(signIn(json, "Sign in to use the Loa API")))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(signIn(json, "Sign in to use the Loa API"))
                        .accessDeniedHandler(denied(json)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless Basic-auth calls carry no browser session to forge; a browser that holds
                // Basic credentials is kept from cross-site writes by JsonWritesOnly instead.
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new TokenSignIn(tokens, accounts), BasicAuthenticationFilter.class)
                .addFilterBefore(AccountGate.forApi(accounts, totp, json), AuthorizationFilter.class)
                .addFilterAfter(new JsonWritesOnly(json), AuthorizationFilter.class)
                .build();
    }

    /**
     * Monitoring reads health and metrics with an administrator's Basic credentials, personal API
     * token (needed once that administrator has TOTP on) or the session of one signed in: a
     * refusal is 401/403 problem+json, never the sign-in page.
     */
    @Bean
    @Order(2)
    SecurityFilterChain actuator(
            HttpSecurity http,
            JsonMapper json,
            AuthenticationManager signIn,
            UserAccounts accounts,
            ApiTokens tokens,
            TotpAccounts totp)
            throws Exception {
        return http.securityMatcher("/actuator/**")
                .authenticationManager(signIn)
                .addFilterBefore(new TokenSignIn(tokens, accounts), BasicAuthenticationFilter.class)
                .addFilterBefore(AccountGate.forApi(accounts, totp, json), AuthorizationFilter.class)
                .authorizeHttpRequests(
                        a -> a.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                                .permitAll()
                                .anyRequest()
                                .hasRole("ADMIN"))
                .httpBasic(basic -> basic.authenticationEntryPoint(signIn(json, "Sign in as an administrator")))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(signIn(json, "Sign in as an administrator"))
                        .accessDeniedHandler(denied(json)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                // Only reading endpoints are exposed (health, info, metrics).
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain web(
            HttpSecurity http,
            AuthenticationManager signIn,
            UserAccounts accounts,
            TotpAccounts totp,
            SecondStep secondStep)
            throws Exception {
        return http.authenticationManager(signIn)
                .addFilterBefore(AccountGate.forPages(accounts, totp), AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        // The code page: the session there holds a pending second step, not a sign-in.
                        .requestMatchers(SecondStep.CODE_PAGE)
                        .permitAll()
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error")
                        .permitAll()
                        // Uploaded media, fetched by the platforms by its unguessable address.
                        .requestMatchers("/media/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form ->
                        form.loginPage("/login").successHandler(secondStep).permitAll())
                .logout(Customizer.withDefaults())
                .build();
    }

    private static AuthenticationEntryPoint signIn(JsonMapper json, String detail) {
        return (req, res, e) -> {
            res.setHeader("WWW-Authenticate", "Basic realm=\"Loa\"");
            Problems.refuse(req, res, json, ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail));
        };
    }

    private static AccessDeniedHandler denied(JsonMapper json) {
        return (req, res, e) -> Problems.refuse(
                req,
                res,
                json,
                ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role does not allow this"));
    }
}
