package vn.loa.app.web;

import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import vn.loa.app.security.LoaUser;
import vn.loa.app.security.UserAccounts;

/**
 * Lets a page handler take the signed-in {@link WebUser}, read from the database once per request
 * (so a change of duty or role shows on the next page, not at the next sign-in).
 */
class CurrentWebUser implements HandlerMethodArgumentResolver {

    private static final String KEY = CurrentWebUser.class.getName();

    private final UserAccounts accounts;

    CurrentWebUser(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == WebUser.class;
    }

    @Override
    public WebUser resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mav,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        if (request.getAttribute(KEY, RequestAttributes.SCOPE_REQUEST) instanceof WebUser known) {
            return known;
        }
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof LoaUser user)) {
            throw new AccessDeniedException("not signed in");
        }
        var fresh = accounts.find(user.getUsername()).map(WebUser::of).orElse(WebUser.of(user));
        request.setAttribute(KEY, fresh, RequestAttributes.SCOPE_REQUEST);
        return fresh;
    }
}
