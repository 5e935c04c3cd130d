package vn.loa.app.persistence;

import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.loa.campaigns.shared.Page;
import vn.loa.campaigns.shared.PageRequest;

/** Runs a count and a page query over the same FROM/WHERE. */
public final class Pages {

    private Pages() {}

    public static <T> Page<T> fetch(
            JdbcClient jdbc,
            String select,
            String fromWhere,
            SqlFilter filter,
            String orderBy,
            PageRequest page,
            RowMapper<T> mapper) {
        long total = jdbc.sql("SELECT COUNT(*) " + fromWhere)
                .params(filter.params())
                .query(Long.class)
                .single();
        List<T> items = total == 0
                ? List.of()
                : jdbc.sql(select + " " + fromWhere + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset")
                        .params(filter.params())
                        .param("limit", page.size())
                        .param("offset", page.offset())
                        .query(mapper)
                        .list();
        return new Page<>(items, page.page(), page.size(), total);
    }
}
