package io.jobform.render;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything the instance should own: shared resources and every rendered job's resources,
 * ordered by kind (creation order: group, roles, task definitions, state machines, schedules)
 * and then by name.
 */
public record DesiredState(List<ResourceSpec> resources) {

    public DesiredState {
        resources = resources.stream().sorted(Comparator.comparing(ResourceSpec::id)).toList();
    }

    public List<ResourceSpec> forJob(String job) {
        return resources.stream().filter(r -> r.job().equals(Optional.of(job))).toList();
    }

    public List<ResourceSpec> shared() {
        return resources.stream().filter(r -> r.job().isEmpty()).toList();
    }

    public <T extends ResourceSpec> List<T> ofType(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
