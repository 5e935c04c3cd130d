package vn.loa.app.backup;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Scheduled backups ({@code loa.backup.*}).
 *
 * @param cron      Quartz cron expression (e.g. {@code 0 30 2 * * ?}, 02:30 every night, in the
 *                  server's zone); empty: no scheduled backup
 * @param directory where archives are written (on a cluster: storage every node reaches, since
 *                  any one node may run it)
 * @param keep      how many of the latest archives to keep there; older ones are deleted
 */
@ConfigurationProperties("loa.backup")
public record BackupProperties(String cron, Path directory, Integer keep) {

    public BackupProperties {
        cron = cron == null ? "" : cron.strip();
        directory = directory == null ? Path.of("backups") : directory;
        keep = keep == null ? 7 : keep;
        if (keep < 1) {
            throw new IllegalArgumentException("loa.backup.keep must be at least 1");
        }
    }

    public boolean scheduled() {
        return !cron.isEmpty();
    }
}
