package vn.loa.app.startup;

/** The database Loa was pointed at is one it cannot run on (a PostgreSQL older than 15). */
public class UnsupportedDatabase extends IllegalStateException {

    public UnsupportedDatabase(String message) {
        super(message);
    }
}
