package io.jobform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.resource.ResourceId;
import io.jobform.resource.ResourceKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The destroy plan: what goes, in which order, and the guards that delete nothing. */
class TeardownPlannerTest {

    static ObservedResource owned(ResourceKind kind, String name, Optional<String> job) {
        return new ObservedResource(new ResourceId(kind, name), "arn:" + name, Optional.of("h"), true, job,
                job.map(j -> "manifests/" + j + ".yaml"), true, List.of(), LastApplied.NONE);
    }

    static final List<ObservedResource> INSTANCE = List.of(
            owned(ResourceKind.SCHEDULE_GROUP, "jobform", Optional.empty()),
            owned(ResourceKind.ROLE, "jobform-execution", Optional.empty()),
            owned(ResourceKind.ROLE, "jobform-states", Optional.empty()),
            owned(ResourceKind.ROLE, "jobform-a", Optional.of("a")),
            owned(ResourceKind.TASK_DEFINITION, "jobform-a", Optional.of("a")),
            owned(ResourceKind.STATE_MACHINE, "jobform-a", Optional.of("a")),
            owned(ResourceKind.SCHEDULE, "jobform-a", Optional.of("a")),
            owned(ResourceKind.STATE_MACHINE, "jobform-b", Optional.of("b")),
            new ObservedResource(new ResourceId(ResourceKind.STATE_MACHINE, "jobform-foreign"), "arn:f", Optional.empty(),
                    false, Optional.empty(), Optional.empty(), true, List.of(), LastApplied.NONE));

    static List<String> steps(Plan plan) {
        return plan.changes().stream().map(c -> c.action().word() + " " + c.id()).toList();
    }

    @Test
    void deletesJobsScheduleFirstThenSharedRolesThenTheGroupAndNothingForeign() {
        Plan plan = TeardownPlanner.plan(INSTANCE, List.of(), "s3://b/manifests/", List.of());
        assertThat(plan.guards()).isEmpty();
        assertThat(steps(plan)).containsExactly(
                "delete Schedule/jobform-a",
                "delete StateMachine/jobform-a", "delete StateMachine/jobform-b",
                "delete TaskDefinition/jobform-a",
                "delete Role/jobform-a",
                "delete Role/jobform-execution", "delete Role/jobform-states",
                "delete ScheduleGroup/jobform");
    }

    @Test
    void remainingManifestsDeleteNothing() {
        Plan plan = TeardownPlanner.plan(INSTANCE, List.of("manifests/a.yaml"), "s3://b/manifests/", List.of());
        assertThat(plan.hasChanges()).isFalse();
        assertThat(plan.guards()).singleElement().asString()
                .contains("1 manifest(s) remain under s3://b/manifests/ (first: manifests/a.yaml)");
        assertThat(plan.changes()).hasSize(8).allMatch(c -> c.action() == Change.Action.SKIP);
    }

    @Test
    void keptResourcesUsingTheRolesDeleteNothing() {
        Plan plan = TeardownPlanner.plan(INSTANCE, List.of(), "dir/", List.of("Schedule/default/jobform-k"));
        assertThat(plan.hasChanges()).isFalse();
        assertThat(plan.guards()).singleElement().asString().contains("kept Schedule/default/jobform-k still use(s)");
    }

    @Test
    void aResourceThatAsksNotToBePrunedDeletesNothing() {
        List<ObservedResource> observed = new java.util.ArrayList<>(INSTANCE);
        observed.add(owned(ResourceKind.STATE_MACHINE, "jobform-c", Optional.of("c")).withPrunable(false));
        Plan plan = TeardownPlanner.plan(observed, List.of(), "dir/", List.of());
        assertThat(plan.hasChanges()).isFalse();
        assertThat(plan.guards()).singleElement().asString().contains("StateMachine/jobform-c asks not to be pruned");
    }

    @Test
    void nothingOwnedIsAnEmptyPlan() {
        Plan plan = TeardownPlanner.plan(List.of(), List.of(), "dir/", List.of());
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.guards()).isEmpty();
    }
}
