package vn.loa.app.backup;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;

/**
 * How a column's values are written in an archive, the same way whichever database wrote them:
 * instants in UTC, numbers as JSON numbers (decimals as text), bytes as base64.
 */
public enum ColumnKind {
    LONG,
    DOUBLE,
    DECIMAL,
    BOOLEAN,
    TEXT,
    /** TIMESTAMP WITH TIME ZONE, written as an ISO instant in UTC. */
    INSTANT,
    /** TIMESTAMP without a zone, written as an ISO local date-time. */
    LOCAL_DATE_TIME,
    DATE,
    BINARY;

    static ColumnKind of(ResultSetMetaData meta, int column) throws SQLException {
        var name = meta.getColumnTypeName(column).toLowerCase(Locale.ROOT);
        return switch (meta.getColumnType(column)) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> LONG;
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> DOUBLE;
            case Types.NUMERIC, Types.DECIMAL -> DECIMAL;
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            case Types.CHAR,
                    Types.VARCHAR,
                    Types.LONGVARCHAR,
                    Types.CLOB,
                    Types.NCHAR,
                    Types.NVARCHAR,
                    Types.LONGNVARCHAR,
                    Types.NCLOB -> TEXT;
            case Types.TIMESTAMP_WITH_TIMEZONE -> INSTANT;
            // PostgreSQL reports timestamptz as TIMESTAMP; only its type name tells them apart.
            case Types.TIMESTAMP -> name.contains("tz") || name.contains("time zone") ? INSTANT : LOCAL_DATE_TIME;
            case Types.DATE -> DATE;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BINARY;
            // Anything else (JSON, UUID…) travels as its text form.
            default -> TEXT;
        };
    }
}
