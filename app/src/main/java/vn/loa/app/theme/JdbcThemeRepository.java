package vn.loa.app.theme;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.loa.campaigns.theme.Theme;
import vn.loa.campaigns.theme.ThemeRepository;

@Repository
class JdbcThemeRepository implements ThemeRepository {

    private final JdbcClient jdbc;

    JdbcThemeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Theme insert(Theme theme) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO theme (code, name) VALUES (?, ?)")
                .params(theme.code(), theme.name())
                .update(keys, "id");
        return theme.withId(keys.getKeyAs(Long.class));
    }

    @Override
    public Optional<Theme> find(long id) {
        return jdbc.sql("SELECT id, code, name FROM theme WHERE id = ?")
                .param(id)
                .query(JdbcThemeRepository::map)
                .optional();
    }

    @Override
    public Optional<Theme> findByCode(String code) {
        return jdbc.sql("SELECT id, code, name FROM theme WHERE code = ?")
                .param(code)
                .query(JdbcThemeRepository::map)
                .optional();
    }

    @Override
    public List<Theme> findAll() {
        return jdbc.sql("SELECT id, code, name FROM theme ORDER BY id")
                .query(JdbcThemeRepository::map)
                .list();
    }

    private static Theme map(ResultSet rs, int row) throws SQLException {
        return new Theme(rs.getLong("id"), rs.getString("code"), rs.getString("name"));
    }
}
