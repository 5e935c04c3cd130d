package vn.loa.app.connection;

/**
 * The key credentials are sealed with is missing or unusable: Loa does not start (a start-up
 * failure analyzer says what to do instead of a stack trace).
 */
public class CredentialsKeyProblem extends IllegalStateException {

    private final String setting;

    public CredentialsKeyProblem(String setting, String message) {
        super(message);
        this.setting = setting;
    }

    /** The setting at fault: {@code loa.credentials.key} or {@code loa.credentials.old-keys}. */
    public String setting() {
        return setting;
    }
}
