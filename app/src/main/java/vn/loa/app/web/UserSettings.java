package vn.loa.app.web;

import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Each person's own choices on the web pages (for now: the language). */
@Repository
public class UserSettings {

    private final JdbcClient jdbc;

    UserSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<Locale> locale(String username) {
        return jdbc.sql("SELECT locale FROM user_setting WHERE username = ?")
                .param(username)
                .query(String.class)
                .optional()
                .map(Locale::forLanguageTag);
    }

    @Transactional
    public void setLocale(String username, Locale locale) {
        int updated = jdbc.sql("UPDATE user_setting SET locale = ? WHERE username = ?")
                .params(locale.toLanguageTag(), username)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO user_setting (username, locale) VALUES (?, ?)")
                    .params(username, locale.toLanguageTag())
                    .update();
        }
    }
}
