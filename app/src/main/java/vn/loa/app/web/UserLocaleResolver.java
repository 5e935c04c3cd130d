package vn.loa.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;
import vn.loa.app.security.LoaUser;

/**
 * Vietnamese unless the signed-in person chose English. The choice is stored per user, so it
 * follows them to another browser; before signing in, {@code ?lang=en} holds for the session.
 */
class UserLocaleResolver implements LocaleResolver {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    static final List<Locale> SUPPORTED = List.of(VIETNAMESE, Locale.ENGLISH);
    private static final String SESSION_KEY = UserLocaleResolver.class.getName() + ".locale";

    private final UserSettings settings;

    UserLocaleResolver(UserSettings settings) {
        this.settings = settings;
    }

    static Locale supported(String tag) {
        if (tag == null) {
            return null;
        }
        var asked = Locale.forLanguageTag(tag.strip());
        return SUPPORTED.stream()
                .filter(l -> l.getLanguage().equals(asked.getLanguage()))
                .findFirst()
                .orElse(null);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        var asked = supported(request.getParameter("lang"));
        var session = request.getSession(false);
        if (asked != null && request.getRequestURI().endsWith("/login")) {
            request.getSession(true).setAttribute(SESSION_KEY, asked);
            return asked;
        }
        if (session != null && session.getAttribute(SESSION_KEY) instanceof Locale chosen) {
            return chosen;
        }
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof LoaUser user) {
            var stored = settings.locale(user.getUsername()).orElse(VIETNAMESE);
            request.getSession(true).setAttribute(SESSION_KEY, stored);
            return stored;
        }
        return VIETNAMESE;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        var chosen = locale == null ? VIETNAMESE : locale;
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof LoaUser user) {
            settings.setLocale(user.getUsername(), chosen);
        }
        request.getSession(true).setAttribute(SESSION_KEY, chosen);
    }
}
