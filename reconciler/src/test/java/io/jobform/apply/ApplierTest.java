package io.jobform.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.plan.Change;
import io.jobform.plan.Plan;
import io.jobform.resource.DesiredResource;
import io.jobform.resource.ResourceId;
import io.jobform.resource.ResourceKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApplierTest {

    record Desired(ResourceId id, String specHash, Optional<String> job) implements DesiredResource {
        public Map<String, String> tags() {
            return Map.of();
        }
    }

    private static Change create(ResourceKind kind, String job) {
        String name = job.isEmpty() ? "jobform" : "jobform-" + job;
        return new Change.Create(new Desired(new ResourceId(kind, name), "h",
                job.isEmpty() ? Optional.empty() : Optional.of(job)));
    }

    private static List<Change> job(String name) {
        return List.of(create(ResourceKind.TASK_DEFINITION, name), create(ResourceKind.STATE_MACHINE, name),
                create(ResourceKind.SCHEDULE, name));
    }

    /** Records the calls; fails the steps named in {@code failing}. */
    private static final class Recorder implements ChangeExecutor {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        final Set<String> failing;

        Recorder(Set<String> failing) {
            this.failing = failing;
        }

        @Override
        public StepOutcome execute(Change change) {
            calls.add(change.id().toString());
            return failing.contains(change.id().toString()) ? new StepOutcome.Failed("AccessDenied: not allowed")
                    : StepOutcome.Done.of("arn:" + change.id());
        }
    }

    private static Applier applier(ChangeExecutor executor, Clock clock, Optional<Instant> deadline) {
        return new Applier(executor, 3, clock, deadline, Duration.ZERO, line -> { });
    }

    private static Plan plan(List<Change> shared, List<List<Change>> jobs) {
        List<Change> all = new ArrayList<>(shared);
        jobs.forEach(all::addAll);
        return new Plan(all, List.of());
    }

    @Test
    void aFailureStopsTheRestOfItsJobOnly() {
        Recorder recorder = new Recorder(Set.of("TaskDefinition/jobform-a"));
        ApplyReport report = applier(recorder, Clock.systemUTC(), Optional.empty())
                .apply(plan(List.of(), List.of(job("a"), job("b"))));
        assertThat(report.failures()).extracting(ChangeFailure::format)
                .containsExactly("TaskDefinition/jobform-a: AccessDenied: not allowed");
        assertThat(report.notRun()).extracting(c -> c.id().toString())
                .containsExactly("StateMachine/jobform-a", "Schedule/jobform-a");
        assertThat(report.applied()).extracting(a -> a.change().id().toString())
                .containsExactlyInAnyOrder("TaskDefinition/jobform-b", "StateMachine/jobform-b", "Schedule/jobform-b");
    }

    @Test
    void aJobsStepsRunInPlanOrder() {
        Recorder recorder = new Recorder(Set.of());
        applier(recorder, Clock.systemUTC(), Optional.empty()).apply(plan(List.of(), List.of(job("a"), job("b"))));
        assertThat(recorder.calls.stream().filter(c -> c.endsWith("-a")).toList())
                .containsExactly("TaskDefinition/jobform-a", "StateMachine/jobform-a", "Schedule/jobform-a");
    }

    @Test
    void aFailedSharedResourceStopsEveryJob() {
        Recorder recorder = new Recorder(Set.of("ScheduleGroup/jobform"));
        ApplyReport report = applier(recorder, Clock.systemUTC(), Optional.empty())
                .apply(plan(List.of(create(ResourceKind.SCHEDULE_GROUP, "")), List.of(job("a"))));
        assertThat(recorder.calls).containsExactly("ScheduleGroup/jobform");
        assertThat(report.notRun()).hasSize(3);
    }

    @Test
    void nothingStartsAfterTheDeadline() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Recorder recorder = new Recorder(Set.of());
        ApplyReport report = applier(recorder, Clock.fixed(now, ZoneOffset.UTC), Optional.of(now))
                .apply(plan(List.of(), List.of(job("a"))));
        assertThat(recorder.calls).isEmpty();
        assertThat(report.deferred()).hasSize(3);
        assertThat(report.complete()).isFalse();
    }
}
