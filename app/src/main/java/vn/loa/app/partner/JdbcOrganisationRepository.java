package vn.loa.app.partner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.partner.Organisation;
import vn.loa.campaigns.partner.OrganisationKind;
import vn.loa.campaigns.partner.OrganisationRepository;

/** Organisations of the partner network, with their materialised paths. */
@Repository
class JdbcOrganisationRepository implements OrganisationRepository {

    private static final String SELECT = "SELECT id, name, kind, parent_id, path, notes, created_at FROM organisation";

    private final JdbcClient jdbc;

    JdbcOrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Organisation insert(Organisation o, String parentPath) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(
                        "INSERT INTO organisation (name, kind, parent_id, path, notes, created_at) VALUES (?, ?, ?, '/', ?, ?)")
                .params(o.name(), o.kind().name(), o.parentId(), o.notes(), Timestamps.utc(o.createdAt()))
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        var path = parentPath + id + "/";
        jdbc.sql("UPDATE organisation SET path = ? WHERE id = ?")
                .params(path, id)
                .update();
        return new Organisation(id, o.name(), o.kind(), o.parentId(), path, o.notes(), o.createdAt());
    }

    @Override
    public void update(Organisation o, String previousName) {
        jdbc.sql("UPDATE organisation SET name = ?, kind = ?, notes = ? WHERE id = ?")
                .params(o.name(), o.kind().name(), o.notes(), o.id())
                .update();
        if (!o.name().equals(previousName)) {
            // Channels and partner admins carry the organisation by name: they follow the new name.
            jdbc.sql("UPDATE channel SET organisation = ? WHERE organisation = ?")
                    .params(o.name(), previousName)
                    .update();
            jdbc.sql("UPDATE app_user SET organisation = ? WHERE organisation = ?")
                    .params(o.name(), previousName)
                    .update();
        }
    }

    @Override
    public void move(Organisation o, String newPath, Long newParentId) {
        var oldPath = o.path();
        jdbc.sql("UPDATE organisation SET path = ? || SUBSTRING(path, ?) WHERE path LIKE ?")
                .params(newPath, oldPath.length() + 1, oldPath + "%")
                .update();
        jdbc.sql("UPDATE organisation SET parent_id = ? WHERE id = ?")
                .params(newParentId, o.id())
                .update();
    }

    @Override
    public Optional<Organisation> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?")
                .param(id)
                .query(JdbcOrganisationRepository::map)
                .optional();
    }

    @Override
    public Optional<Organisation> findByName(String name) {
        return jdbc.sql(SELECT + " WHERE name = ?")
                .param(name)
                .query(JdbcOrganisationRepository::map)
                .optional();
    }

    @Override
    public List<Organisation> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE id IN (:ids) ORDER BY path")
                .param("ids", ids)
                .query(JdbcOrganisationRepository::map)
                .list();
    }

    @Override
    public List<Organisation> list(Organisation root) {
        if (root == null) {
            return jdbc.sql(SELECT + " ORDER BY path")
                    .query(JdbcOrganisationRepository::map)
                    .list();
        }
        return jdbc.sql(SELECT + " WHERE path LIKE ? ORDER BY path")
                .param(root.path() + "%")
                .query(JdbcOrganisationRepository::map)
                .list();
    }

    private static Organisation map(ResultSet rs, int row) throws SQLException {
        return new Organisation(
                rs.getLong("id"),
                rs.getString("name"),
                OrganisationKind.valueOf(rs.getString("kind")),
                rs.getObject("parent_id", Long.class),
                rs.getString("path"),
                rs.getString("notes"),
                Timestamps.read(rs, "created_at"));
    }
}
