package vn.loa.campaigns.access;

import java.util.Arrays;
import java.util.stream.Collectors;
import vn.loa.campaigns.shared.NotAllowed;

/** Role checks made by the use cases themselves, so every way into the domain is guarded alike. */
public final class Permissions {

    private Permissions() {}

    public static void requireAny(Actor actor, String action, Role... roles) {
        if (Arrays.stream(roles).noneMatch(actor::has)) {
            throw new NotAllowed("Only " + Arrays.stream(roles).map(Role::name).collect(Collectors.joining(" or "))
                    + " may " + action);
        }
    }
}
