package vn.loa.app.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import vn.loa.app.listening.SpikeDetector;

/**
 * Every alert kind Loa raises has a label in both languages: the channel health page shows the
 * label, and a missing one showed as {@code ??alert.LISTENING_SPIKE_vi??}. Both bundles also carry
 * the same keys, so no English page falls back to the Vietnamese base bundle; except {@code
 * refusal.*}, which only Vietnamese has (English readers get the domain's own words,
 * vn.loa.app.web.DomainMessages).
 */
class AlertLabelsTest {

    private static final List<AlertKind> RAISED = List.of(
            AlertKind.CHANNEL_NEEDS_RECONNECT,
            AlertKind.POSTS_NOT_PUBLIC,
            AlertKind.POSTS_INCOMPLETE,
            AlertKind.EMPTY_SLOT,
            SpikeDetector.LISTENING_SPIKE);

    @Test
    void everyKindHasALabelInVietnameseAndEnglish() throws IOException {
        for (var bundle : List.of("messages.properties", "messages_en.properties")) {
            var messages = load(bundle);
            for (var kind : RAISED) {
                assertThat(messages.getProperty("alert." + kind.code()))
                        .as(bundle + ": alert." + kind.code())
                        .isNotBlank();
            }
        }
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        var vi = keys("messages.properties");
        var en = keys("messages_en.properties");
        var viOnly = new TreeSet<>(vi);
        viOnly.removeAll(en);
        var enOnly = new TreeSet<>(en);
        enOnly.removeAll(vi);
        assertThat(viOnly).as("keys in Vietnamese only").isEmpty();
        assertThat(enOnly).as("keys in English only").isEmpty();
    }

    private static Set<String> keys(String bundle) throws IOException {
        var keys = new HashSet<>(load(bundle).stringPropertyNames());
        keys.removeIf(key -> key.startsWith("refusal."));
        return keys;
    }

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (var in = AlertLabelsTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
