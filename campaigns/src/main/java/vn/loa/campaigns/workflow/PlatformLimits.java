package vn.loa.campaigns.workflow;

import java.util.ArrayList;
import java.util.List;
import vn.loa.campaigns.content.ContentItem;
import vn.loa.campaigns.content.PostDrafts;
import vn.loa.campaigns.shared.FieldProblem;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.connectors.ConnectorRegistry;

/** Checks each variant of an item against its platform's limits, through that platform's connector. */
public class PlatformLimits {

    private final ConnectorRegistry connectors;

    public PlatformLimits(ConnectorRegistry connectors) {
        this.connectors = connectors;
    }

    public List<FieldProblem> problems(ContentItem item) {
        var problems = new ArrayList<FieldProblem>();
        for (var variant : item.variants().values()) {
            var request = PostDrafts.toRequest(variant, null, null);
            for (var v : connectors.forPlatform(variant.platform()).validate(request)) {
                problems.add(new FieldProblem(PostDrafts.field(variant.platform(), v.field()), v.message()));
            }
        }
        return problems;
    }

    void require(ContentItem item) {
        var problems = problems(item);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }
}
