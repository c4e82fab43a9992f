package io.jobform.render;

import io.jobform.config.InstanceConfig;
import io.jobform.manifest.Network;
import io.jobform.manifest.ScheduledJob;
import io.jobform.manifest.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Manifests to AWS resources: a pure, deterministic function. The same jobs and configuration
 * always give the same resources with the same spec hashes, whatever the input order.
 */
public final class Renderer {

    private Renderer() {}

    public static RenderResult render(List<ScheduledJob> jobs, InstanceConfig config) {
        Names names = new Names(config);
        List<ScheduledJob> ordered = jobs.stream().sorted(Comparator.comparing(ScheduledJob::name)).toList();
        List<ResolvedJob> resolved = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        Set<String> failed = new TreeSet<>();
        for (ScheduledJob job : ordered) {
            List<Violation> found = new ArrayList<>();
            Optional<ResolvedJob> r = resolve(job, config, found);
            violations.addAll(found);
            r.ifPresentOrElse(resolved::add, () -> failed.add(job.name()));
        }
        List<ResourceSpec> resources = new ArrayList<>();
        // The shared resources exist for jobs: with no manifests at all, none are desired, so a
        // reconcile after jobform destroy does not bring them back (existing ones are never
        // pruned by a reconcile either, see Planner).
        if (!jobs.isEmpty()) {
            resources.add(new ScheduleGroupSpec(names.scheduleGroup(), Tags.forInstance(names.instance())));
            resources.addAll(RoleRenderer.shared(resolved, names));
        }
        for (ResolvedJob job : resolved) {
            Optional<RoleSpec> taskRole = RoleRenderer.taskRole(job.job(), names);
            taskRole.ifPresent(resources::add);
            resources.add(TaskDefinitionRenderer.render(job.job(), names, taskRole));
            resources.add(StateMachineRenderer.render(job, names));
            ScheduleRenderer.render(job.job(), names).ifPresent(resources::add);
        }
        return new RenderResult(new DesiredState(resources), violations, failed);
    }

    /** Fills in cluster and network from the instance configuration; errors when neither has them. */
    private static Optional<ResolvedJob> resolve(ScheduledJob job, InstanceConfig config, List<Violation> found) {
        String cluster = job.spec().cluster().filter(c -> !c.isBlank()).orElse(config.cluster());
        if (cluster == null || cluster.isBlank()) {
            found.add(Violation.error(job.position(), job.ref(), "spec.cluster",
                    job.ref() + ": no ECS cluster: set spec.cluster, a JobDefaults cluster or the instance's cluster"));
        }
        Optional<Network> network = job.spec().network().or(config::network);
        if (network.isEmpty()) {
            found.add(Violation.error(job.position(), job.ref(), "spec.network",
                    job.ref() + ": no network: set spec.network, a JobDefaults network or the instance's network"));
        } else if (network.get().subnets().isEmpty()) {
            found.add(Violation.error(job.position(), job.ref(), "spec.network.subnets",
                    job.ref() + ": awsvpc tasks need at least one subnet"));
        }
        if (!found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ResolvedJob(job, cluster, network.get()));
    }
}
