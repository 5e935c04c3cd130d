package vn.loa.campaigns.cadence;

import java.util.List;
import java.util.Optional;

public interface CadenceRepository {

    Cadence insert(Cadence cadence);

    Optional<Cadence> find(long id);

    List<Cadence> findByChannel(long channelId);

    List<Cadence> findAll();
}
