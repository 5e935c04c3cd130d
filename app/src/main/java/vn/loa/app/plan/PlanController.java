package vn.loa.app.plan;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.app.api.ApiTimes;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Permissions;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.plan.Plan;
import vn.loa.campaigns.plan.Plans;

@RestController
@RequestMapping("/api/plans")
class PlanController {

    record NewPlan(Integer year, String title, String description) {}

    record PlanView(long id, int year, String title, String description, OffsetDateTime createdAt) {}

    private final Plans plans;
    private final ApiTimes times;

    PlanController(Plans plans, ApiTimes times) {
        this.plans = plans;
        this.times = times;
    }

    @GetMapping
    List<PlanView> list() {
        return plans.listPlans().stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    PlanView get(@PathVariable long id) {
        return view(plans.getPlan(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PlanView create(@RequestBody NewPlan body, Actor actor) {
        Permissions.requireAny(actor, "create a plan", Role.PLANNER, Role.ADMIN);
        return view(plans.createPlan(body.year(), body.title(), body.description()));
    }

    private PlanView view(Plan p) {
        return new PlanView(p.id(), p.year(), p.title(), p.description(), times.inCity(p.createdAt()));
    }
}
