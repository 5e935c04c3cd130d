package vn.loa.app.config;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Loa's own settings, under {@code loa.*}. */
@ConfigurationProperties("loa")
public record LoaProperties(ZoneId cityZone, BootstrapAdmin bootstrapAdmin, boolean demoData) {

    public LoaProperties {
        cityZone = cityZone == null ? ZoneId.of("Asia/Ho_Chi_Minh") : cityZone;
        bootstrapAdmin = bootstrapAdmin == null ? new BootstrapAdmin(null, null) : bootstrapAdmin;
    }

    /** The first administrator, created only when no user exists yet and both values are set. */
    public record BootstrapAdmin(String username, String password) {

        public boolean isSet() {
            return username != null && !username.isBlank() && password != null && !password.isBlank();
        }
    }
}
