package vn.loa.campaigns.plan;

import java.util.List;
import java.util.Optional;

public interface PlanRepository {

    Plan insert(Plan plan);

    Optional<Plan> find(long id);

    Optional<Plan> findByYear(int year);

    List<Plan> findAll();
}
