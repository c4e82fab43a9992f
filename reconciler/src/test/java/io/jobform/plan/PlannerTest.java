package io.jobform.plan;

import static io.jobform.resource.ResourceKind.ROLE;
import static io.jobform.resource.ResourceKind.SCHEDULE;
import static io.jobform.resource.ResourceKind.SCHEDULE_GROUP;
import static io.jobform.resource.ResourceKind.STATE_MACHINE;
import static io.jobform.resource.ResourceKind.TASK_DEFINITION;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.resource.ResourceId;
import io.jobform.resource.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private final Planner planner = new Planner(d -> new DesiredFields(((FakeResource) d).fields(), ((FakeResource) d).fields()));

    private static List<FakeResource> job(String name, String hash) {
        return List.of(FakeResource.of(TASK_DEFINITION, name, hash), FakeResource.of(STATE_MACHINE, name, hash),
                FakeResource.of(SCHEDULE, name, hash));
    }

    private static List<ObservedResource> seen(String name, String hash) {
        return Stream.of(TASK_DEFINITION, STATE_MACHINE, SCHEDULE)
                .map(k -> observed(k, name, hash)).toList();
    }

    private static ObservedResource observed(ResourceKind kind, String job, String hash) {
        return ObservedResource.owned(new ResourceId(kind, "jobform-" + job), "arn:" + kind + ":" + job, hash, job);
    }

    private static List<String> lines(Plan plan) {
        return plan.changes().stream().map(c -> c.action().word() + " " + c.id()).toList();
    }

    private static <T> List<T> concat(List<? extends T> a, List<? extends T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("new job is created in dependency order",
                        job("a", "h1"), List.of(), PlanPolicy.defaults(),
                        List.of("create TaskDefinition/jobform-a", "create StateMachine/jobform-a",
                                "create Schedule/jobform-a")),
                Arguments.of("unchanged job is kept",
                        job("a", "h1"), seen("a", "h1"), PlanPolicy.defaults(),
                        List.of("unchanged TaskDefinition/jobform-a", "unchanged StateMachine/jobform-a",
                                "unchanged Schedule/jobform-a")),
                Arguments.of("changed hash updates and retires the superseded revision",
                        List.of(FakeResource.of(TASK_DEFINITION, "a", "h2")), List.of(observed(TASK_DEFINITION, "a", "h1")),
                        PlanPolicy.defaults(),
                        List.of("update TaskDefinition/jobform-a", "retire revisions TaskDefinition/jobform-a")),
                Arguments.of("deleted manifest prunes in reverse order, schedule first",
                        job("a", "h1"), concat(seen("a", "h1"), seen("b", "h1")), PlanPolicy.defaults(),
                        List.of("unchanged TaskDefinition/jobform-a", "unchanged StateMachine/jobform-a",
                                "unchanged Schedule/jobform-a", "delete Schedule/jobform-b",
                                "delete StateMachine/jobform-b", "delete TaskDefinition/jobform-b")),
                Arguments.of("frozen job is neither updated nor pruned",
                        job("a", "h1"), concat(seen("a", "h1"), seen("b", "h1")),
                        PlanPolicy.defaults().withFrozen(Set.of("b"), Set.of()),
                        List.of("unchanged TaskDefinition/jobform-a", "unchanged StateMachine/jobform-a",
                                "unchanged Schedule/jobform-a", "skip Schedule/jobform-b",
                                "skip StateMachine/jobform-b", "skip TaskDefinition/jobform-b")),
                Arguments.of("empty desired set prunes nothing without allowEmpty",
                        List.of(FakeResource.shared(SCHEDULE_GROUP, "jobform", "g")), seen("b", "h1"),
                        PlanPolicy.defaults(),
                        List.of("create ScheduleGroup/jobform", "skip Schedule/jobform-b",
                                "skip StateMachine/jobform-b", "skip TaskDefinition/jobform-b")),
                Arguments.of("empty desired set prunes with allowEmpty",
                        List.of(), seen("b", "h1"), new PlanPolicy(true, 10, Set.of(), Set.of()),
                        List.of("delete Schedule/jobform-b", "delete StateMachine/jobform-b",
                                "delete TaskDefinition/jobform-b")),
                Arguments.of("more deletions than the limit prune nothing",
                        job("a", "h1"), concat(seen("b", "h1"), seen("c", "h1")),
                        new PlanPolicy(false, 1, Set.of(), Set.of()),
                        List.of("create TaskDefinition/jobform-a", "create StateMachine/jobform-a",
                                "create Schedule/jobform-a", "skip Schedule/jobform-b", "skip Schedule/jobform-c",
                                "skip StateMachine/jobform-b", "skip StateMachine/jobform-c",
                                "skip TaskDefinition/jobform-b", "skip TaskDefinition/jobform-c")),
                Arguments.of("deletions up to the limit go ahead",
                        job("a", "h1"), seen("b", "h1"), new PlanPolicy(false, 1, Set.of(), Set.of()),
                        List.of("create TaskDefinition/jobform-a", "create StateMachine/jobform-a",
                                "create Schedule/jobform-a", "delete Schedule/jobform-b",
                                "delete StateMachine/jobform-b", "delete TaskDefinition/jobform-b")),
                Arguments.of("prune false orphans instead of deleting",
                        List.of(FakeResource.shared(SCHEDULE_GROUP, "jobform", "g")),
                        List.of(observed(STATE_MACHINE, "b", "h1").withPrunable(false)),
                        new PlanPolicy(true, 10, Set.of(), Set.of()),
                        List.of("create ScheduleGroup/jobform", "orphan StateMachine/jobform-b")),
                Arguments.of("rename creates the new job and prunes the old",
                        job("new", "h1"), seen("old", "h1"), PlanPolicy.defaults(),
                        List.of("create TaskDefinition/jobform-new", "create StateMachine/jobform-new",
                                "create Schedule/jobform-new", "delete Schedule/jobform-old",
                                "delete StateMachine/jobform-old", "delete TaskDefinition/jobform-old")),
                Arguments.of("shared resources are never pruned",
                        job("a", "h1"), concat(seen("a", "h1"), List.of(new ObservedResource(
                                new ResourceId(ROLE, "jobform-states"), "arn:role", Optional.of("r"), true,
                                Optional.empty(), Optional.empty(), true, List.of(), LastApplied.NONE))),
                        PlanPolicy.defaults(),
                        List.of("unchanged TaskDefinition/jobform-a", "unchanged StateMachine/jobform-a",
                                "unchanged Schedule/jobform-a")),
                Arguments.of("resources without ownership are ignored",
                        List.of(), List.of(new ObservedResource(new ResourceId(STATE_MACHINE, "jobform-x"), "arn:x",
                                Optional.of("h"), false, Optional.of("x"), Optional.empty(), true, List.of(), LastApplied.NONE)),
                        new PlanPolicy(true, 10, Set.of(), Set.of()),
                        List.of()),
                Arguments.of("a frozen manifest key protects a job whose name is unknown",
                        List.of(), List.of(observed(SCHEDULE, "b", "h1").withManifest(Optional.of("b.yaml"))),
                        new PlanPolicy(true, 10, Set.of(), Set.of("b.yaml")),
                        List.of("skip Schedule/jobform-b")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plans(String name, List<FakeResource> desired, List<ObservedResource> observed, PlanPolicy policy,
            List<String> expected) {
        assertThat(lines(planner.plan(desired, observed, policy))).containsExactlyElementsOf(expected);
    }

    @Test
    void sharedUpdatesWaitWhileAJobIsFrozen() {
        List<FakeResource> desired = concat(job("a", "h1"), List.of(FakeResource.shared(ROLE, "jobform-execution", "new")));
        List<ObservedResource> observed = concat(concat(seen("a", "h1"), seen("b", "h1")), List.of(
                new ObservedResource(new ResourceId(ROLE, "jobform-execution"), "arn:role", Optional.of("old"), true,
                        Optional.empty(), Optional.empty(), true, List.of(), LastApplied.NONE)));
        Plan frozen = planner.plan(desired, observed, PlanPolicy.defaults().withFrozen(Set.of("b"), Set.of()));
        assertThat(lines(frozen)).contains("skip Role/jobform-execution");
        assertThat(frozen.guards()).containsExactly(Planner.SHARED_HELD);
        Plan free = planner.plan(desired, observed, PlanPolicy.defaults());
        assertThat(lines(free)).contains("update Role/jobform-execution");
    }

    @Test
    void guardIsReportedWithTheCount() {
        Plan plan = planner.plan(job("a", "h1"), concat(seen("b", "h1"), seen("c", "h1")),
                new PlanPolicy(false, 1, Set.of(), Set.of()));
        assertThat(plan.guards()).containsExactly(
                "guard: 2 jobs would be pruned, more than the limit of 1; nothing pruned (raise --max-deletions or "
                        + "JOBFORM_MAX_DELETIONS to prune them)");
        assertThat(plan.changes()).filteredOn(c -> c.action() == Change.Action.SKIP)
                .extracting(Change::toString).allMatch(s -> !s.contains("guard:"));
        assertThat(plan.counts().get(Change.Action.DELETE)).isZero();
    }

    @Test
    void anOlderHashedRecordNamesTheChangedFieldsButNotTheirFormerValues() {
        FakeResource desired = FakeResource.of(TASK_DEFINITION, "a", "h2")
                .withFields(Map.of("image", "repo:2", "cpu", "256", "memory", "512"));
        ObservedResource observed = observed(TASK_DEFINITION, "a", "h1").withLastApplied(new LastApplied(Map.of(),
                FieldHashes.of(Map.of("image", "repo:1", "cpu", "256", "env.A", "x"))));
        Change.Update update = (Change.Update) planner.plan(List.of(desired), List.of(observed), PlanPolicy.defaults())
                .changes().get(0);
        assertThat(update.fields()).containsExactly(
                new FieldChange("env.A", FieldValue.UNKNOWN, FieldValue.ABSENT),
                new FieldChange("image", FieldValue.UNKNOWN, new FieldValue.Known("repo:2")),
                new FieldChange("memory", FieldValue.ABSENT, new FieldValue.Known("512")));
    }

    @Test
    void updateShowsEachChangedFieldBeforeAndAfterWithSensitiveValuesHidden() {
        String env = "containerDefinitions[0].environment[\"TOKEN\"]";
        FakeResource desired = FakeResource.of(TASK_DEFINITION, "a", "h2").withFields(Map.of("image", "repo:2",
                "cpu", "256", env, Masking.stored(env, "new-secret"), "tags[\"team\"]", "data"));
        ObservedResource observed = observed(TASK_DEFINITION, "a", "h1").withLastApplied(new LastApplied(Map.of(
                "image", "repo:1", "cpu", "256", env, Masking.stored(env, "old-secret"), "tags[\"owner\"]", "ana"),
                Map.of()));
        Change.Update update = (Change.Update) planner.plan(List.of(desired), List.of(observed), PlanPolicy.defaults())
                .changes().get(0);
        assertThat(update.fields()).containsExactly(
                new FieldChange(env, FieldValue.HIDDEN, FieldValue.HIDDEN),
                new FieldChange("image", new FieldValue.Known("repo:1"), new FieldValue.Known("repo:2")),
                new FieldChange("tags[\"owner\"]", new FieldValue.Known("ana"), FieldValue.ABSENT),
                new FieldChange("tags[\"team\"]", FieldValue.ABSENT, new FieldValue.Known("data")));
        assertThat(update.fields()).extracting(FieldChange::symbol).containsExactly("~", "~", "-", "+");
    }

    @Test
    void withoutARecordNoFieldIsInvented() {
        FakeResource desired = FakeResource.of(TASK_DEFINITION, "a", "h2").withFields(Map.of("image", "repo:2"));
        Change.Update update = (Change.Update) planner.plan(List.of(desired),
                List.of(observed(TASK_DEFINITION, "a", "h1")), PlanPolicy.defaults()).changes().get(0);
        assertThat(update.fields()).isEmpty();
        assertThat(update.observed().lastApplied().known()).isFalse();
    }

    @Test
    void keptTaskDefinitionRetiresLeftoverRevisions() {
        ObservedResource withHistory = new ObservedResource(new ResourceId(TASK_DEFINITION, "jobform-a"), "arn:td:3",
                Optional.of("h1"), true, Optional.of("a"), Optional.empty(), true, List.of("arn:td:2", "arn:td:1"),
                LastApplied.NONE);
        Plan plan = planner.plan(List.of(FakeResource.of(TASK_DEFINITION, "a", "h1")), List.of(withHistory),
                PlanPolicy.defaults());
        assertThat(plan.changes().get(1)).isEqualTo(new Change.RetireRevisions(withHistory.id(), Optional.of("a"),
                List.of("arn:td:2", "arn:td:1")));
    }
}
