package vn.loa.campaigns.partner;

import java.util.Collection;
import java.util.List;
import java.util.Map;

public interface EvaluationRepository {

    Evaluation insert(Evaluation evaluation);

    /** Newest first. */
    List<Evaluation> listFor(long pageId);

    /** The newest evaluation of each of these pages that has one, by page id. */
    Map<Long, Evaluation> latestFor(Collection<Long> pageIds);
}
