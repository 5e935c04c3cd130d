package vn.loa.app.template;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.app.persistence.Timestamps;
import vn.loa.connectors.Platform;
import vn.loa.templates.library.PlatformText;
import vn.loa.templates.library.Programme;
import vn.loa.templates.library.Template;

/** Templates staff added, and the programmes cadences carry. The only class with SQL on those tables. */
@Repository
class TemplateStore {

    /** A cadence's programme, and the template its items are written from. */
    record ProgrammeCadence(long cadenceId, Programme programme, String templateCode) {}

    private static final TypeReference<Map<Platform, PlatformText>> BODIES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TemplateStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<Template> list() {
        return jdbc.sql(
                        "SELECT code, name, theme_code, programme, bodies_json FROM content_template ORDER BY name, code")
                .query(this::map)
                .list();
    }

    Optional<Template> find(String code) {
        return jdbc.sql("SELECT code, name, theme_code, programme, bodies_json FROM content_template WHERE code = ?")
                .param(code)
                .query(this::map)
                .optional();
    }

    void insert(Template t, String by, Instant now) {
        jdbc.sql("INSERT INTO content_template (code, name, theme_code, programme, bodies_json, created_by,"
                        + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        t.code(),
                        t.name(),
                        t.themeCode(),
                        t.programme() == null ? null : t.programme().name(),
                        json.writeValueAsString(t.bodies()),
                        by,
                        Timestamps.utc(now),
                        Timestamps.utc(now))
                .update();
    }

    boolean update(Template t, Instant now) {
        return jdbc.sql("UPDATE content_template SET name = ?, theme_code = ?, programme = ?, bodies_json = ?,"
                                + " updated_at = ? WHERE code = ?")
                        .params(
                                t.name(),
                                t.themeCode(),
                                t.programme() == null ? null : t.programme().name(),
                                json.writeValueAsString(t.bodies()),
                                Timestamps.utc(now),
                                t.code())
                        .update()
                == 1;
    }

    List<ProgrammeCadence> programmeCadences() {
        return jdbc.sql("SELECT cadence_id, programme, template_code FROM programme_cadence ORDER BY cadence_id")
                .query((rs, n) ->
                        new ProgrammeCadence(rs.getLong(1), Programme.valueOf(rs.getString(2)), rs.getString(3)))
                .list();
    }

    void tie(ProgrammeCadence tie) {
        int updated = jdbc.sql("UPDATE programme_cadence SET programme = ?, template_code = ? WHERE cadence_id = ?")
                .params(tie.programme().name(), tie.templateCode(), tie.cadenceId())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO programme_cadence (cadence_id, programme, template_code) VALUES (?, ?, ?)")
                    .params(tie.cadenceId(), tie.programme().name(), tie.templateCode())
                    .update();
        }
    }

    void untie(long cadenceId) {
        jdbc.sql("DELETE FROM programme_cadence WHERE cadence_id = ?")
                .param(cadenceId)
                .update();
    }

    private Template map(ResultSet rs, int row) throws SQLException {
        var programme = rs.getString("programme");
        return new Template(
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("theme_code"),
                programme == null ? null : Programme.valueOf(programme),
                json.readValue(rs.getString("bodies_json"), BODIES));
    }
}
