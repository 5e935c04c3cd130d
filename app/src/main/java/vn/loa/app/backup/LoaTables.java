package vn.loa.app.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tables a backup holds, read from the database's own catalogue so that a table added by a
 * later migration is included without anyone remembering to: every table of the schema except
 * Flyway's history, Spring Batch's run history and Quartz's runtime state (which node holds which
 * lock, which trigger is firing). Quartz's job and trigger definitions are kept: delivery timers
 * and cadence slots live there.
 */
final class LoaTables {

    /** Runtime state that a restored instance makes afresh. */
    private static final Set<String> RUNTIME =
            Set.of("flyway_schema_history", "qrtz_fired_triggers", "qrtz_scheduler_state", "qrtz_locks");

    private LoaTables() {}

    static boolean included(String table) {
        var name = table.toLowerCase(Locale.ROOT);
        return !RUNTIME.contains(name) && !name.startsWith("batch_");
    }

    /** Every table of the connection's schema, lower case, sorted. */
    static Set<String> all(Connection c) throws SQLException {
        var names = new TreeSet<String>();
        try (var rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** The included tables, parents before the tables whose foreign keys point at them. */
    static List<String> inLoadOrder(Connection c) throws SQLException {
        var parents = new TreeMap<String, Set<String>>();
        for (var table : all(c)) {
            if (included(table)) {
                parents.put(table, referenced(c, table));
            }
        }
        var ordered = new LinkedHashSet<String>();
        for (var table : parents.keySet()) {
            visit(table, parents, ordered, new LinkedHashSet<>());
        }
        return List.copyOf(ordered);
    }

    private static void visit(String table, Map<String, Set<String>> parents, Set<String> done, Set<String> path) {
        if (done.contains(table) || !parents.containsKey(table)) {
            return;
        }
        if (!path.add(table)) {
            throw new IllegalStateException("foreign keys form a cycle through " + path);
        }
        for (var parent : parents.get(table)) {
            if (!parent.equals(table)) {
                visit(parent, parents, done, path);
            }
        }
        path.remove(table);
        done.add(table);
    }

    private static Set<String> referenced(Connection c, String table) throws SQLException {
        var result = new TreeSet<String>();
        try (var rs = c.getMetaData().getImportedKeys(c.getCatalog(), c.getSchema(), catalogueName(c, table))) {
            while (rs.next()) {
                result.add(rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return result;
    }

    /** The primary key's columns in key order, or every column when the table has none (a stable order either way). */
    static List<String> orderColumns(Connection c, String table, List<String> columns) throws SQLException {
        var key = new TreeMap<Integer, String>();
        try (var rs = c.getMetaData().getPrimaryKeys(c.getCatalog(), c.getSchema(), catalogueName(c, table))) {
            while (rs.next()) {
                key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return key.isEmpty() ? columns : new ArrayList<>(key.values());
    }

    /** Identity columns (GENERATED … AS IDENTITY), whose next value a restore moves past the restored rows. */
    static List<String> identityColumns(Connection c, String table) throws SQLException {
        var result = new ArrayList<String>();
        try (var rs = c.getMetaData().getColumns(c.getCatalog(), c.getSchema(), catalogueName(c, table), "%")) {
            while (rs.next()) {
                if ("YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))) {
                    result.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return result;
    }

    /** The table's name as the catalogue stores it: H2 keeps unquoted names upper case, PostgreSQL lower. */
    static String catalogueName(Connection c, String table) throws SQLException {
        return c.getMetaData().storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
    }

    /** Row counts of the included tables that hold rows, for a clear refusal. */
    static Map<String, Long> nonEmpty(Connection c, Set<String> tables) throws SQLException {
        var counts = new LinkedHashMap<String, Long>();
        for (var table : tables) {
            try (var st = c.createStatement();
                    var rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }
}
