package io.jobform.render;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.jobform.manifest.ConcurrencyPolicy;
import io.jobform.manifest.ScheduledJob;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one job needs from the instance's shared roles: the execution role pulls its image and
 * reads its secrets, the state-machine role publishes to its topic and lists or stops its
 * executions. Kept in the inventory per job, so the shared roles can go on granting it to a job
 * that still runs without a valid manifest (frozen, kept, or with its pruning held back).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobGrants(List<String> repositories, List<String> secrets, List<String> parameters, List<String> topics,
        boolean listExecutions, boolean stopExecutions) {

    public JobGrants {
        repositories = List.copyOf(repositories == null ? List.of() : repositories);
        secrets = List.copyOf(secrets == null ? List.of() : secrets);
        parameters = List.copyOf(parameters == null ? List.of() : parameters);
        topics = List.copyOf(topics == null ? List.of() : topics);
    }

    static JobGrants of(ScheduledJob job, String partition) {
        SortedSet<String> repositories = new TreeSet<>();
        SortedSet<String> secrets = new TreeSet<>();
        SortedSet<String> parameters = new TreeSet<>();
        ArnReferences.ecrRepositoryArn(job.spec().container().image(), partition).ifPresent(repositories::add);
        for (String valueFrom : job.spec().container().secrets().values()) {
            if (ArnReferences.isSecretsManager(valueFrom)) {
                secrets.addAll(ArnReferences.secretResources(valueFrom));
            } else if (ArnReferences.isSsmParameter(valueFrom)) {
                parameters.add(valueFrom);
            }
        }
        List<String> topics = job.spec().notifications().onFailure().stream().toList();
        ConcurrencyPolicy policy = job.spec().concurrencyPolicy();
        return new JobGrants(List.copyOf(repositories), List.copyOf(secrets), List.copyOf(parameters), topics,
                policy != ConcurrencyPolicy.ALLOW, policy == ConcurrencyPolicy.REPLACE);
    }
}
