package vn.loa.campaigns.listening;

import java.util.List;
import java.util.Optional;

public interface TopicRepository {

    Topic insert(Topic topic);

    void update(Topic topic);

    Optional<Topic> find(long id);

    /** Topics of one theme (null: every theme), active ones only or all, by name. */
    List<Topic> findAll(Long themeId, boolean activeOnly);
}
