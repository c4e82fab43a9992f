package io.jobform.aws;

import io.jobform.operate.LiveResources;
import io.jobform.operate.LiveState;
import io.jobform.operate.LiveSummary;
import io.jobform.config.StateKeys;
import io.jobform.reconcile.ScheduleTimes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;

/**
 * One job's live schedule (GetSchedule in the instance's group) and task definition
 * (DescribeTaskDefinition of the family: its latest ACTIVE revision, which RunTask starts when
 * given the family, Amazon ECS API reference): two calls, for describe. Every job at once from
 * listings, for get jobs: see {@link #all()}.
 */
public final class LiveReads implements LiveResources {
    private final AwsClients clients;
    private final String instance;
    private final ObjectStore store;

    /** @param store the instance's state bucket: {@link ScheduleTimes} records when jobform last modified each schedule */
    public LiveReads(AwsClients clients, String instance, ObjectStore store) {
        this.clients = clients;
        this.instance = instance;
        this.store = store;
    }

    /**
     * ListSchedules in the instance's group (100 per page, with each schedule's State and
     * LastModificationDate), ListTaskDefinitions of ACTIVE revisions (100 per page; without
     * familyPrefix it lists the account and Region, Amazon ECS API reference) and one GetObject of
     * the schedule times ({@link ScheduleTimes}): ⌈S/100⌉ + ⌈T/100⌉ + 1 calls for S schedules and T ACTIVE revisions, none per
     * job. A schedule whose last-modified time is not the one recorded after
     * jobform's apply was edited since.
     */
    @Override
    public Map<String, LiveSummary> all() {
        String prefix = instance + "-";
        // Each call named in its error: an operator without the listing permissions is told which one.
        String times = StateKeys.of(instance).scheduleTimes();
        Map<String, String> applied = AwsErrors.translate("S3 GetObject " + times, () -> store.get(times))
                .map(o -> ScheduleTimes.parse(o.body())).orElse(Map.of());
        Map<String, ScheduleListing> schedules = new HashMap<>();
        AwsErrors.translate("Scheduler ListSchedules", () -> new ScheduleClient(clients.scheduler).list(instance))
                .forEach(l -> schedules.put(l.name(), l));
        Map<String, String> latest = AwsErrors.translate("ECS ListTaskDefinitions", () -> latestRevisions(prefix));
        Set<String> jobs = new TreeSet<>();
        schedules.keySet().stream().filter(n -> n.startsWith(prefix))
                .forEach(n -> jobs.add(n.substring(prefix.length())));
        latest.keySet().forEach(f -> jobs.add(f.substring(prefix.length())));
        Map<String, LiveSummary> out = new TreeMap<>();
        for (String job : jobs) {
            ScheduleListing s = schedules.get(prefix + job);
            boolean edited = s != null && !String.valueOf(s.lastModified())
                    .equals(applied.getOrDefault("Schedule/" + prefix + job, String.valueOf(s.lastModified())));
            out.put(job, new LiveSummary(Optional.ofNullable(s).map(ScheduleListing::state), edited,
                    Optional.ofNullable(latest.get(prefix + job))));
        }
        return out;
    }

    /** Family name to its highest ACTIVE revision's ARN, for the families named {@code prefix…}. */
    private Map<String, String> latestRevisions(String prefix) {
        Map<String, String> latest = new HashMap<>();
        String token = null;
        do {
            String next = token;
            ListTaskDefinitionsResponse page = clients.ecs.listTaskDefinitions(b -> b
                    .status(TaskDefinitionStatus.ACTIVE).maxResults(100).nextToken(next));
            for (String arn : page.taskDefinitionArns()) {
                String familyRevision = arn.substring(arn.lastIndexOf('/') + 1);
                String family = familyRevision.substring(0, familyRevision.lastIndexOf(':'));
                if (family.startsWith(prefix) && (!latest.containsKey(family)
                        || TaskDefinitionClient.revision(arn) > TaskDefinitionClient.revision(latest.get(family)))) {
                    latest.put(family, arn);
                }
            }
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return latest;
    }

    @Override
    public LiveState of(String job) {
        String name = instance + "-" + job;
        Optional<LiveState.LiveSchedule> schedule;
        try {
            GetScheduleResponse s = clients.scheduler.getSchedule(b -> b.groupName(instance).name(name));
            schedule = Optional.of(new LiveState.LiveSchedule(s.scheduleExpression(),
                    s.scheduleExpressionTimezone() == null ? "UTC" : s.scheduleExpressionTimezone(), s.stateAsString()));
        } catch (ResourceNotFoundException e) {
            schedule = Optional.empty();
        }
        Optional<String> revision;
        try {
            revision = Optional.of(clients.ecs.describeTaskDefinition(b -> b.taskDefinition(name)).taskDefinition()
                    .taskDefinitionArn());
        } catch (ClientException e) {
            revision = Optional.empty(); // no ACTIVE revision left
        }
        return new LiveState(schedule, revision);
    }
}
