package vn.loa.campaigns.partner;

import java.util.List;

public interface EvaluationRepository {

    Evaluation insert(Evaluation evaluation);

    /** Newest first. */
    List<Evaluation> listFor(long pageId);
}
