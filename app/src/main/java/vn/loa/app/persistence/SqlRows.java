package vn.loa.app.persistence;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Placeholders for multi-row statements (INSERT … VALUES, MERGE … USING (VALUES …)). */
public final class SqlRows {

    private SqlRows() {}

    /** {@code count} rows of {@code width} placeholders. */
    public static String rows(int count, int width) {
        var row = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
        return String.join(", ", Collections.nCopies(count, row));
    }

    /** Rows whose first line casts each column, so that NULLs and parameters have a type on every database. */
    public static String typedRows(int count, String... types) {
        var typed = new StringBuilder("(");
        for (int i = 0; i < types.length; i++) {
            typed.append(i == 0 ? "" : ", ")
                    .append("CAST(? AS ")
                    .append(types[i])
                    .append(')');
        }
        typed.append(')');
        return count <= 1 ? typed.toString() : typed + ", " + rows(count - 1, types.length);
    }

    /** The rows' values one after another, as the placeholders take them. */
    public static Object[] flatten(List<Object[]> rows) {
        return rows.stream().flatMap(Arrays::stream).toArray();
    }
}
