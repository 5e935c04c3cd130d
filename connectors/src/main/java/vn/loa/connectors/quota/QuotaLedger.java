package vn.loa.connectors.quota;

import java.time.LocalDate;

/**
 * The count of a platform budget that every Loa node spends from (YouTube's daily units and
 * uploads are per Google project, whatever node calls). Each operation is atomic and complete on
 * return: nothing stays locked while the platform is called. The app keeps it in its database; the
 * in-memory one serves a single process (the connectors' own tests).
 */
public interface QuotaLedger {

    /** What {@link #take} did: whether the amount was granted, and the budget's use after it. */
    record Taken(boolean granted, int used) {}

    /** Takes {@code amount} from {@code bucket}'s budget for {@code day} if no more than {@code limit} is then used. */
    Taken take(String bucket, LocalDate day, int amount, int limit);

    /** The platform says the budget is spent, whatever the count: nothing more is granted that day. */
    void exhaust(String bucket, LocalDate day, int limit);

    /** How much of {@code bucket}'s budget for {@code day} is used. */
    int used(String bucket, LocalDate day);
}
