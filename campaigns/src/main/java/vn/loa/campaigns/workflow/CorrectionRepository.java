package vn.loa.campaigns.workflow;

import java.util.List;
import java.util.Optional;

/** Stored corrections of published posts. */
public interface CorrectionRepository {

    /** Stores a new correction and returns it with its id. */
    Correction insert(Correction correction);

    Optional<Correction> find(long id);

    /** Records an approver's decision; false if the correction was no longer pending (decided meanwhile). */
    boolean decide(Correction decided);

    List<Correction> findByContent(long contentId);
}
