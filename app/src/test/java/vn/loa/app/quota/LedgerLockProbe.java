package vn.loa.app.quota;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Run by the platform sandbox during every call it serves: locks every row of the shared quota
 * tables ({@code quota_ledger}, {@code platform_usage}) and lets go at once. A node that held one
 * of them across its platform call would still hold it now, while its call waits on this check, so
 * the lock cannot be had within the timeout and the call is written down. Other nodes' short
 * transactions (one conditional UPDATE) end long before the timeout.
 */
final class LedgerLockProbe implements Consumer<String>, AutoCloseable {

    private final Connection connection;
    private final Duration timeout;
    private final List<String> heldAcross = new ArrayList<>();
    private int calls;

    LedgerLockProbe(String url, Duration timeout) throws SQLException {
        this.connection = DriverManager.getConnection(url, "postgres", "");
        this.connection.setAutoCommit(false);
        this.timeout = timeout;
    }

    @Override
    public synchronized void accept(String call) {
        calls++;
        try (var statement = connection.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = '" + timeout.toMillis() + "ms'");
            statement.executeQuery("SELECT 1 FROM quota_ledger FOR UPDATE").close();
            statement.executeQuery("SELECT 1 FROM platform_usage FOR UPDATE").close();
        } catch (SQLException e) {
            heldAcross.add(call + ": " + e.getMessage());
        } finally {
            try {
                connection.rollback();
            } catch (SQLException e) {
                heldAcross.add(call + ": could not let go of the probe's locks: " + e.getMessage());
            }
        }
    }

    /** The calls during which some transaction kept a quota row locked. */
    synchronized List<String> heldAcross() {
        return List.copyOf(heldAcross);
    }

    synchronized int calls() {
        return calls;
    }

    synchronized void forget() {
        heldAcross.clear();
        calls = 0;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
