package vn.loa.app.backup;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.OptionalInt;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import vn.loa.app.connection.CredentialCipher;
import vn.loa.app.connection.CredentialRotation;

/**
 * The operator's commands, run instead of the server: {@code java -jar loa.jar backup FILE},
 * {@code java -jar loa.jar restore FILE} and {@code java -jar loa.jar rotate-credentials}. They read the same settings as the server (application
 * settings, environment such as {@code LOA_DB_URL}, {@code --name=value} arguments) but start
 * nothing of it: no web server, no publishing engine, no scheduler, no migration on backup.
 */
public final class LoaCommands {

    /** The commands, by their first argument. */
    enum Command {
        BACKUP("backup", true),
        RESTORE("restore", true),
        ROTATE_CREDENTIALS("rotate-credentials", false);

        final String word;
        final boolean takesFile;

        Command(String word, boolean takesFile) {
            this.word = word;
            this.takesFile = takesFile;
        }

        static Command of(String word) {
            return Arrays.stream(values())
                    .filter(c -> c.word.equals(word))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** Nothing but the settings: the commands build what they need themselves. */
    @Configuration(proxyBeanMethods = false)
    static class Settings {}

    private LoaCommands() {}

    /** Runs the command the arguments name and returns its exit code; empty when they name none (start the server). */
    public static OptionalInt run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || Command.of(args[0]) == null) {
            return OptionalInt.empty();
        }
        var command = Command.of(args[0]);
        var rest = Arrays.copyOfRange(args, 1, args.length);
        var files = Arrays.stream(rest).filter(a -> !a.startsWith("--")).toList();
        if (files.size() != (command.takesFile ? 1 : 0)) {
            err.println("usage: java -jar loa.jar " + command.word + (command.takesFile ? " FILE" : "")
                    + " [--spring.datasource.url=…]");
            return OptionalInt.of(2);
        }
        try (var context = new SpringApplicationBuilder(Settings.class)
                        .web(WebApplicationType.NONE)
                        .bannerMode(Banner.Mode.OFF)
                        .logStartupInfo(false)
                        .run(rest);
                var dataSource = dataSource(context.getEnvironment())) {
            if (command == Command.ROTATE_CREDENTIALS) {
                return OptionalInt.of(rotate(context.getEnvironment(), dataSource, out, err));
            }
            return OptionalInt.of(run(command, Path.of(files.get(0)), dataSource, out));
        } catch (RestoreRefused e) {
            err.println("restore refused: " + e.getMessage());
            return OptionalInt.of(1);
        } catch (Exception e) {
            err.println(command.word + " failed: " + e);
            return OptionalInt.of(1);
        }
    }

    private static int run(Command command, Path file, HikariDataSource dataSource, PrintStream out) throws Exception {
        switch (command) {
            case BACKUP -> {
                var manifest = new DatabaseBackup(
                                dataSource, BackupJson.MAPPER, Clock.systemUTC(), LoaVersion.current())
                        .write(file);
                out.println("backup written to " + file + ": schema version " + manifest.schemaVersion() + ", "
                        + manifest.tables().size() + " tables, " + manifest.totalRows() + " rows");
            }
            case ROTATE_CREDENTIALS -> throw new IllegalStateException("rotate-credentials takes no file");
            case RESTORE -> {
                var restored =
                        new DatabaseRestore(dataSource, new LoaSchema(dataSource), BackupJson.MAPPER).restore(file);
                out.println(
                        "restored " + file + " (taken " + restored.manifest().createdAt() + " by Loa "
                                + restored.manifest().loaVersion() + "): "
                                + restored.manifest().tables().size() + " tables, "
                                + restored.rows() + " rows");
            }
        }
        return 0;
    }

    /**
     * Re-seals every stored credential under {@code loa.credentials.key}, opening them with it or
     * with one of {@code loa.credentials.old-keys}; afterwards the old keys are no longer needed.
     */
    private static int rotate(Environment env, HikariDataSource dataSource, PrintStream out, PrintStream err) {
        var cipher = CredentialCipher.of(
                env.getProperty("loa.credentials.key"), env.getProperty("loa.credentials.old-keys"));
        var result = new CredentialRotation(dataSource, cipher).resealAll();
        out.println("credentials of " + result.resealed().size() + " channels re-sealed under key " + result.keyId()
                + "; " + result.current() + " already were; " + result.totpResealed() + " TOTP secrets re-sealed");
        if (!result.complete()) {
            result.failures().forEach(f -> err.println("not re-sealed: " + f));
            err.println("the old keys are still needed for these; fix them (add their key, or reconnect the"
                    + " channels) and run rotate-credentials again");
            return 1;
        }
        out.println("no stored credential needs the old keys any more: remove LOA_CREDENTIALS_OLD_KEYS and restart");
        return 0;
    }

    static HikariDataSource dataSource(Environment env) {
        var ds = new HikariDataSource();
        ds.setJdbcUrl(env.getRequiredProperty("spring.datasource.url"));
        ds.setUsername(env.getProperty("spring.datasource.username"));
        ds.setPassword(env.getProperty("spring.datasource.password"));
        ds.setMaximumPoolSize(2);
        return ds;
    }
}
