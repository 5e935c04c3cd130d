package vn.loa.app.security;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.loa.app.config.LoaProperties;
import vn.loa.campaigns.access.Role;

/**
 * Creates the first administrator from {@code loa.bootstrap-admin.*} when nobody can sign in yet.
 * Without those settings Loa has no user and no default password outside the demo profile.
 */
@Component
@Order(1)
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final UserAccounts accounts;
    private final LoaProperties properties;

    BootstrapAdmin(UserAccounts accounts, LoaProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        var admin = properties.bootstrapAdmin();
        if (accounts.anyExists() || (properties.demoData() && !admin.isSet())) {
            return; // the demo profile creates its own users
        }
        if (!admin.isSet()) {
            log.warn("No user exists. Set LOA_ADMIN_USERNAME and LOA_ADMIN_PASSWORD once to create the first"
                    + " administrator, or run with the demo profile.");
            return;
        }
        accounts.create(new UserAccounts.NewUser(
                admin.username(), admin.password(), "Administrator", null, Set.of(Role.ADMIN)));
        log.info("Created the first administrator '{}'", admin.username());
    }
}
