package vn.loa.app.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * Counts, on the client side, the SQL statements sent and the transactions committed (an explicit
 * commit, or a statement run in auto-commit mode), for statements-and-commits-per-publish figures.
 */
public final class CountingDataSource {

    public static final AtomicLong STATEMENTS = new AtomicLong();
    public static final AtomicLong COMMITS = new AtomicLong();
    /** SELECTs on Loa's own tables (not the Spring Batch or Quartz bookkeeping). */
    public static final AtomicLong APP_QUERIES = new AtomicLong();

    private static final Set<String> EXECUTE = Set.of(
            "execute", "executeQuery", "executeUpdate", "executeBatch", "executeLargeUpdate", "executeLargeBatch");

    private CountingDataSource() {}

    public static void reset() {
        STATEMENTS.set(0);
        COMMITS.set(0);
        APP_QUERIES.set(0);
        BY_SQL.clear();
    }

    /** Executions per SQL text, commits (autocommit or explicit) included as "COMMIT". */
    private static final Map<String, LongAdder> BY_SQL = new ConcurrentHashMap<>();

    /** The {@code n} statements run most often since the last {@link #reset()}, with their counts. */
    public static List<Map.Entry<String, Long>> mostRun(int n) {
        return BY_SQL.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().sum()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(n)
                .toList();
    }

    private static void classify(String sql) {
        BY_SQL.computeIfAbsent(sql.strip().replaceAll("\\s+", " "), k -> new LongAdder())
                .increment();
        var s = sql.strip().toLowerCase();
        if (s.startsWith("select") && !s.contains("batch_") && !s.contains("qrtz_")) {
            APP_QUERIES.incrementAndGet();
        }
    }

    public static DataSource wrap(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    var result = invoke(target, method, args);
                    return result instanceof Connection c ? connection(c) : result;
                });
    }

    private static Connection connection(Connection target) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("commit")) {
                COMMITS.incrementAndGet();
                BY_SQL.computeIfAbsent("COMMIT", k -> new LongAdder()).increment();
            }
            var result = invoke(target, method, args);
            if ((method.getName().equals("prepareStatement")) && args != null && args[0] instanceof String sql) {
                var counted = (Statement) statement((Statement) result, target);
                return new SqlTagged(counted, sql).proxy();
            }
            if (result instanceof Statement s) {
                return statement(s, target);
            }
            return result;
        };
        return (Connection)
                Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private static Statement statement(Statement target, Connection connection) {
        var all =
                new LinkedHashSet<Class<?>>(List.of(PreparedStatement.class, CallableStatement.class, Statement.class));
        all.removeIf(i -> !i.isInstance(target));
        return (Statement) Proxy.newProxyInstance(
                Statement.class.getClassLoader(), all.toArray(Class<?>[]::new), (proxy, method, args) -> {
                    if (EXECUTE.contains(method.getName())) {
                        STATEMENTS.incrementAndGet();
                        if (connection.getAutoCommit()) {
                            COMMITS.incrementAndGet();
                        }
                    }
                    return invoke(target, method, args);
                });
    }

    /** Wraps a prepared statement so that each execution is classified by its SQL. */
    private record SqlTagged(Statement inner, String sql) {
        Object proxy() {
            return Proxy.newProxyInstance(
                    Statement.class.getClassLoader(), new Class<?>[] {PreparedStatement.class}, (p, method, args) -> {
                        if (EXECUTE.contains(method.getName())) {
                            classify(sql);
                        }
                        return invoke(inner, method, args);
                    });
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
