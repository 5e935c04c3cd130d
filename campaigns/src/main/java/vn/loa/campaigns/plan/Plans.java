package vn.loa.campaigns.plan;

import java.time.Clock;
import java.util.List;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.campaigns.shared.NotFound;
import vn.loa.campaigns.shared.ReadOnly;

/** Use cases on yearly plans. */
public class Plans {

    private final PlanRepository plans;
    private final Clock clock;

    public Plans(PlanRepository plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    public Plan createPlan(Integer year, String title, String description) {
        var plan = Plan.create(year, title, description, clock.instant());
        if (plans.findByYear(plan.year()).isPresent()) {
            throw InvalidInput.of("year", "a plan for " + plan.year() + " already exists");
        }
        return plans.insert(plan);
    }

    @ReadOnly
    public Plan getPlan(long id) {
        return plans.find(id).orElseThrow(() -> new NotFound("plan", id));
    }

    @ReadOnly
    public List<Plan> listPlans() {
        return plans.findAll();
    }
}
