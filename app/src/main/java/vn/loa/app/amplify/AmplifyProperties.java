package vn.loa.app.amplify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Content pack, tracked link and notification settings ({@code loa.amplify.*}).
 *
 * @param publicUrl     the address the public reaches Loa at; tracked links are {@code publicUrl/l/{code}}
 * @param window        how long partners have to share a pack, unless the planner says (24 h)
 * @param rapidWindow   how long for a rebuttal pushed at once (60 min)
 * @param remindBefore  how long before its window closes an unshared pack is reminded (30 min)
 * @param flushEvery    how often link clicks counted in memory are written to the database (5 s)
 * @param sweepEvery    how often reminders, missed rebuttal pushes and unsent e-mail are looked for (30 s)
 * @param mailFrom      the sender of notification e-mail
 */
@ConfigurationProperties("loa.amplify")
public record AmplifyProperties(
        String publicUrl,
        Duration window,
        Duration rapidWindow,
        Duration remindBefore,
        Duration flushEvery,
        Duration sweepEvery,
        String mailFrom) {

    public AmplifyProperties {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl;
        window = window == null ? Duration.ofHours(24) : window;
        rapidWindow = rapidWindow == null ? Duration.ofMinutes(60) : rapidWindow;
        remindBefore = remindBefore == null ? Duration.ofMinutes(30) : remindBefore;
        flushEvery = flushEvery == null ? Duration.ofSeconds(5) : flushEvery;
        sweepEvery = sweepEvery == null ? Duration.ofSeconds(30) : sweepEvery;
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "loa@localhost" : mailFrom;
    }
}
