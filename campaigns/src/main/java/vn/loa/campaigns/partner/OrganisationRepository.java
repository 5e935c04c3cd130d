package vn.loa.campaigns.partner;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface OrganisationRepository {

    /** Stores a new organisation and gives it its path ({@code parentPath + id + "/"}). */
    Organisation insert(Organisation organisation, String parentPath);

    /** Changes name, kind and notes; when the name changes, channels and users that carry it follow. */
    void update(Organisation organisation, String previousName);

    /** Moves an organisation (and everything under it) to a new path. */
    void move(Organisation organisation, String newPath, Long newParentId);

    Optional<Organisation> find(long id);

    Optional<Organisation> findByName(String name);

    List<Organisation> findAll(Collection<Long> ids);

    /** All organisations, or only {@code root} and those under it; parents before children. */
    List<Organisation> list(Organisation root);
}
