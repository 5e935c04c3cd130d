package vn.loa.app.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.loa.campaigns.shared.InstantRange;

/** Builds a WHERE clause from optional filters: a condition is added only when its value is given. */
public final class SqlFilter {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    public SqlFilter eq(String column, String param, Object value) {
        if (value != null) {
            conditions.add(column + " = :" + param);
            params.put(param, value instanceof Enum<?> e ? e.name() : value);
        }
        return this;
    }

    public SqlFilter condition(String sql, String param, Object value) {
        if (value != null) {
            conditions.add(sql);
            params.put(param, value);
        }
        return this;
    }

    /** Adds [from, to) on an instant column. */
    public SqlFilter within(String column, InstantRange range) {
        if (range == null) {
            return this;
        }
        condition(column + " >= :" + paramName(column, "from"), paramName(column, "from"), utc(range.from()));
        condition(column + " < :" + paramName(column, "to"), paramName(column, "to"), utc(range.to()));
        return this;
    }

    public String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    public Map<String, Object> params() {
        return params;
    }

    private static String paramName(String column, String suffix) {
        return column.replaceAll("\\W", "_") + "_" + suffix;
    }

    private static Object utc(Instant instant) {
        return instant == null ? null : Timestamps.utc(instant);
    }
}
