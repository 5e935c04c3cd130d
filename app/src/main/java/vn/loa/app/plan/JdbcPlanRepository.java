package vn.loa.app.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.plan.Plan;
import vn.loa.campaigns.plan.PlanRepository;

@Repository
class JdbcPlanRepository implements PlanRepository {

    private static final String SELECT = "SELECT id, plan_year, title, description, created_at FROM yearly_plan";

    private final JdbcClient jdbc;

    JdbcPlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Plan insert(Plan plan) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO yearly_plan (plan_year, title, description, created_at) VALUES (?, ?, ?, ?)")
                .params(plan.year(), plan.title(), plan.description(), Timestamps.utc(plan.createdAt()))
                .update(keys, "id");
        return plan.withId(keys.getKeyAs(Long.class));
    }

    @Override
    public Optional<Plan> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?")
                .param(id)
                .query(JdbcPlanRepository::map)
                .optional();
    }

    @Override
    public Optional<Plan> findByYear(int year) {
        return jdbc.sql(SELECT + " WHERE plan_year = ?")
                .param(year)
                .query(JdbcPlanRepository::map)
                .optional();
    }

    @Override
    public List<Plan> findAll() {
        return jdbc.sql(SELECT + " ORDER BY plan_year DESC")
                .query(JdbcPlanRepository::map)
                .list();
    }

    private static Plan map(ResultSet rs, int row) throws SQLException {
        return new Plan(
                rs.getLong("id"),
                rs.getInt("plan_year"),
                rs.getString("title"),
                rs.getString("description"),
                Timestamps.read(rs, "created_at"));
    }
}
