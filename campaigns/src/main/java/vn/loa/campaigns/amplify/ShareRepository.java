package vn.loa.campaigns.amplify;

import java.util.List;
import java.util.Optional;

public interface ShareRepository {

    PartnerShare insert(PartnerShare share);

    Optional<PartnerShare> findByPost(long pageId, String postId);

    List<PartnerShare> findByPack(long packId);
}
