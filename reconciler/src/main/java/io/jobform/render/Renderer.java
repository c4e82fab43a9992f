package io.jobform.render;

import io.jobform.config.InstanceConfig;
import io.jobform.manifest.Network;
import io.jobform.manifest.ScheduledJob;
import io.jobform.manifest.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        return render(jobs, config, Map.of());
    }

    /**
     * @param retained what jobs without a valid manifest that still run (frozen, kept, pruning held
     *                 back) last needed from the shared roles: those roles keep granting it, so they
     *                 are only ever widened while such jobs exist
     */
    public static RenderResult render(List<ScheduledJob> jobs, InstanceConfig config, Map<String, JobGrants> retained) {
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
        Map<String, JobGrants> grants = new TreeMap<>(retained);
        resolved.forEach(j -> grants.put(j.name(), JobGrants.of(j.job(), config.partition())));
        // The shared resources exist for jobs: with no valid manifest, none are desired, so a
        // reconcile after jobform destroy does not bring them back. Existing ones are never pruned
        // by a reconcile (see Planner), so meanwhile they keep every grant they had; once a valid
        // job exists again they are rendered with the retained grants of the others.
        if (!jobs.isEmpty()) {
            resources.add(new ScheduleGroupSpec(names.scheduleGroup(), Tags.forInstance(names.instance())));
            resources.addAll(RoleRenderer.shared(List.copyOf(grants.values()), names));
        }
        for (ResolvedJob job : resolved) {
            Optional<RoleSpec> taskRole = RoleRenderer.taskRole(job.job(), names);
            taskRole.ifPresent(resources::add);
            resources.add(TaskDefinitionRenderer.render(job.job(), names, taskRole));
            resources.add(StateMachineRenderer.render(job, names));
            ScheduleRenderer.render(job.job(), names).ifPresent(resources::add);
        }
        Map<String, JobGrants> rendered = new TreeMap<>();
        resolved.forEach(j -> rendered.put(j.name(), grants.get(j.name())));
        return new RenderResult(new DesiredState(resources), violations, failed, rendered);
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
