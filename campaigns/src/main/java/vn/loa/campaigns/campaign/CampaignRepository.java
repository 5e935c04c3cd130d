package vn.loa.campaigns.campaign;

import java.util.Optional;
import vn.loa.campaigns.shared.Page;
import vn.loa.campaigns.shared.PageRequest;

public interface CampaignRepository {

    Campaign insert(Campaign campaign);

    void update(Campaign campaign);

    Optional<Campaign> find(long id);

    Page<Campaign> search(CampaignFilter filter, PageRequest page);
}
