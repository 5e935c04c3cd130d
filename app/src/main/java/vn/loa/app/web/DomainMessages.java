package vn.loa.app.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The domain words its refusals in English, once, for the API. The pages show them in the
 * reader's language: the recurring phrasings are matched here and taken from the message bundle
 * (keys {@code refusal.*}); anything not matched is shown as the domain wrote it.
 */
@Component
public class DomainMessages {

    private record Rule(Pattern pattern, String key) {}

    private static final List<Rule> RULES = new ArrayList<>();

    static {
        rule("is required", "required");
        rule("is required \\(true or false\\)", "required");
        rule("must be at most (\\d+) characters \\(is (\\d+)\\)", "too-long");
        rule("must have at most (\\d+) entries \\(has (\\d+)\\)", "too-many");
        rule("must be a web address starting with http:// or https://", "web-address");
        rule("is in the past; choose a time after (.+)", "past");
        rule("name at least one channel", "one-channel");
        rule("must be 0 or more", "not-negative");
        rule("must not be before startDate", "end-before-start");
        rule("must not be before 'from'", "end-before-start");
        rule("needs a title or a body", "title-or-body");
        rule("no campaign has id (.+)", "no-campaign");
        rule("no channel has id (.+)", "no-channel");
        rule("(.+) is inactive", "inactive");
        rule("the item has no (\\w+) variant for (.+)", "no-variant");
        rule("the item is already scheduled or published on (.+)", "already-on");
        rule("(.+) has no cadence; schedule the item at a time instead", "no-cadence");
        rule("add at least one platform variant before submitting for review", "no-variants");
        rule("is already taken", "taken");
        rule("must be at least (\\d+) characters", "too-short");
        rule("give at least one role", "one-role");
        rule("is too common; choose a longer phrase of your own", "too-common");
        rule("must not contain the username", "contains-username");
        rule("is not your current password", "not-current");
        rule("must differ from the current password", "same-password");
        rule("you cannot disable your own account", "own-disable");
        rule("you cannot take the administrator role from yourself", "own-admin");
        rule("a partner admin must be bound to their organisation", "partner-org");
        rule("is not a date and time \\(for example (.+)\\)", "not-datetime");
        rule("is not a known time zone \\(for example Asia/Ho_Chi_Minh\\)", "zone");
        rule("must be between ([\\d-]+) and ([\\d-]+)", "between");
        rule("is more than two years ahead; choose a time before (.+)", "too-far");
        rule("a Facebook post needs text, a link or a photo", "fb-empty");
        rule("Facebook posts take at most (\\d+) characters \\(this one has (\\d+)\\)", "fb-too-long");
        rule("a YouTube video needs a title", "yt-title");
        rule("YouTube titles take at most (\\d+) characters \\(this one has (\\d+)\\)", "yt-title-long");
        rule("YouTube titles may not contain < or >", "yt-angle");
        rule("YouTube descriptions may not contain < or >", "yt-angle");
        rule("YouTube descriptions take at most (\\d+) bytes of UTF-8; this one has (\\d+).*", "yt-description-long");
        rule("a YouTube upload takes exactly one video file", "yt-one-video");
        rule("YouTube takes videos only.*", "yt-video-only");
        rule("a Zalo article needs a title", "zalo-title");
        rule("a Zalo article needs a cover photo", "zalo-cover");
        rule("a Zalo article needs a body", "zalo-body");
        rule("Zalo takes at most (\\d+) characters here \\(this has (\\d+)\\)", "zalo-too-long");
        rule("Rebuttals of false information are approved by the on-duty approver", "rebuttal-on-duty");
        rule("You wrote this item; another approver must approve it", "own-item");
        rule(
                "Cannot move (.+) from (\\w+) to (\\w+): only a delivery that has not gone out can be moved",
                "not-movable");
        rule("Cannot move (.+) from (\\w+) to (\\w+): (.+)", "transition");
        rule("Only ([A-Z_ or]+) may (.+)", "role");
        rule("(.+) was changed by someone else meanwhile; reload it and try again", "concurrent");
        rule("start enrolment first", "totp-start-first");
        rule("TOTP is already on", "totp-already-on");
        rule(
                "is not the current code of your authenticator app \\(is the phone's clock right\\?\\)",
                "totp-wrong-code");
        rule("is already on; turn it off first to move to another authenticator", "totp-on");
        rule("is not your password", "not-password");
        rule("TOTP is not on", "totp-off");
        rule("is not a current code or an unused recovery code", "totp-wrong-or-used");
        rule("has no TOTP to reset", "totp-none");
        rule("too many wrong codes: wait a little and try again", "totp-wait");
        rule(
                "the page has (\\d+) followers, below the (\\d+) of the selection rule: say why it is selected anyway",
                "below-threshold");
        rule("say why the page is suspended", "why-suspended");
        rule("say why the page is retired", "why-retired");
        rule("score at least one criterion", "one-criterion");
        rule("must be a whole number from (\\d+) to (\\d+)", "score-range");
        rule("must be a whole number", "whole-number");
        rule("no organisation has id (.+)", "no-organisation");
        rule("is not a (\\w+) address \\((.+)\\)", "not-platform-address");
        rule("is already registered as partner page (\\d+)", "page-registered");
        rule("(.+) does not exist", "not-found");
    }

    /** "APPROVER or ADMIN" in the reader's words. */
    private String roles(String names, Locale locale) {
        var words = new ArrayList<String>();
        for (var name : names.split(" or ")) {
            words.add(messages.getMessage("role." + name.strip(), null, name.strip(), locale));
        }
        return String.join(messages.getMessage("refusal.or", null, " or ", locale), words);
    }

    private static void rule(String regex, String key) {
        RULES.add(new Rule(Pattern.compile(regex), "refusal." + key));
    }

    private final MessageSource messages;

    DomainMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** The message in the reader's language, with the numbers and names the domain put in it. */
    public String translate(String message, Locale locale) {
        if (message == null) {
            return "";
        }
        if ("en".equals(locale.getLanguage())) {
            return message; // the domain's own words
        }
        for (var rule : RULES) {
            Matcher m = rule.pattern().matcher(message.strip());
            if (m.matches()) {
                var args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = m.group(i + 1);
                }
                if (rule.key().equals("refusal.role")) {
                    args[0] = roles(m.group(1), locale);
                }
                return messages.getMessage(rule.key(), args, message, locale);
            }
        }
        return message;
    }
}
