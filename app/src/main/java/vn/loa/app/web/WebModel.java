package vn.loa.app.web;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.context.request.NativeWebRequest;
import vn.loa.app.security.LoaUser;
import vn.loa.app.security.UserAccounts;

/** What every page's header needs: who is signed in (read fresh, so on-duty shows at once) and the zone. */
@ControllerAdvice(basePackages = "vn.loa.app.web")
class WebModel {

    private final CurrentWebUser current;
    private final WebTimes times;

    WebModel(UserAccounts accounts, WebTimes times) {
        this.current = new CurrentWebUser(accounts);
        this.times = times;
    }

    @ModelAttribute("me")
    WebUser me(NativeWebRequest request) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof LoaUser)) {
            return null;
        }
        return current.resolveArgument(null, null, request, null);
    }

    @ModelAttribute("zoneLabel")
    String zoneLabel() {
        return times.zoneLabel();
    }
}
