package vn.loa.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** Switches the signed-in person's language (kept for them, not just this browser). */
@Controller
class LanguageController {

    private final LocaleResolver locales;

    LanguageController(LocaleResolver locales) {
        this.locales = locales;
    }

    @PostMapping("/settings/language")
    String change(
            @RequestParam String lang,
            @RequestHeader(name = "Referer", required = false) String referer,
            HttpServletRequest request,
            HttpServletResponse response) {
        var locale = UserLocaleResolver.supported(lang);
        locales.setLocale(request, response, locale == null ? UserLocaleResolver.VIETNAMESE : locale);
        return "redirect:" + sameSitePath(referer);
    }

    /** Back to the page the person was on, never to another site. */
    private static String sameSitePath(String referer) {
        if (referer == null) {
            return "/";
        }
        try {
            var uri = URI.create(referer);
            var path = uri.getRawPath() == null || uri.getRawPath().isBlank() ? "/" : uri.getRawPath();
            return path.startsWith("/") && !path.startsWith("//")
                    ? path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    : "/";
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
