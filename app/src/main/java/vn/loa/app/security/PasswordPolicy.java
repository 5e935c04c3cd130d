package vn.loa.app.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import vn.loa.campaigns.shared.Checks;

/**
 * What a new password must be: at least {@value #MIN_LENGTH} characters, not a common password (a
 * list shipped with Loa, also with digits or punctuation added around it) and not containing the
 * username. Length beats complexity rules: a long phrase is both easier to remember and harder to
 * guess than "P@ssw0rd!".
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;
    private static final String LIST = "/security/common-passwords.txt";

    private final Set<String> common;

    private PasswordPolicy(Set<String> common) {
        this.common = Set.copyOf(common);
    }

    /** The policy with the list shipped in Loa's resources. */
    public static PasswordPolicy standard() {
        var words = new HashSet<String>();
        var in = PasswordPolicy.class.getResourceAsStream(LIST);
        if (in == null) {
            throw new IllegalStateException("the common-password list " + LIST + " is missing from the build");
        }
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT))
                    .forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PasswordPolicy(words);
    }

    /** Adds a problem on {@code field} for each rule the password breaks. */
    public Checks check(Checks checks, String field, String username, String password) {
        checks.required(field, password);
        if (password == null || password.isEmpty()) {
            return checks;
        }
        int length = password.codePointCount(0, password.length());
        checks.that(length >= MIN_LENGTH, field, "must be at least " + MIN_LENGTH + " characters");
        checks.maxLength(field, password, MAX_LENGTH);
        var lower = password.toLowerCase(Locale.ROOT);
        checks.that(
                !common.contains(lower) && !common.contains(core(lower)),
                field,
                "is too common; choose a longer phrase of your own");
        checks.that(
                username == null || username.isBlank() || !lower.contains(username.toLowerCase(Locale.ROOT)),
                field,
                "must not contain the username");
        return checks;
    }

    /** The password without the digits and punctuation people add before or after a word. */
    private static String core(String lower) {
        int start = 0;
        int end = lower.length();
        while (start < end && !Character.isLetter(lower.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(lower.charAt(end - 1))) {
            end--;
        }
        return lower.substring(start, end);
    }
}
