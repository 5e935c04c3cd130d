package vn.loa.connectors.quota;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** A ledger for one process: enough for a single node and for the connectors' own tests. */
public final class InMemoryQuotaLedger implements QuotaLedger {

    private record Key(String bucket, LocalDate day) {}

    private final Map<Key, Integer> used = new HashMap<>();

    @Override
    public synchronized Taken take(String bucket, LocalDate day, int amount, int limit) {
        var key = new Key(bucket, day);
        int now = used.getOrDefault(key, 0);
        if (now + amount > limit) {
            return new Taken(false, now);
        }
        used.put(key, now + amount);
        return new Taken(true, now + amount);
    }

    @Override
    public synchronized void exhaust(String bucket, LocalDate day, int limit) {
        used.merge(new Key(bucket, day), limit, Math::max);
    }

    @Override
    public synchronized int used(String bucket, LocalDate day) {
        return used.getOrDefault(new Key(bucket, day), 0);
    }
}
