package io.jobform.plan;

import static io.jobform.resource.ResourceKind.SCHEDULE;
import static io.jobform.resource.ResourceKind.TASK_DEFINITION;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.resource.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** When a plan's create and delete are one job renamed, and when they are not. */
class RenamesTest {

    private final Planner planner = new Planner(d -> new DesiredFields(((FakeResource) d).fields(), Map.of()));

    /** A job's task definition and schedule; {@code image} and the name appear in the fields. */
    private static List<FakeResource> desired(String job, String file, String image) {
        return Stream.of(TASK_DEFINITION, SCHEDULE).map(k -> FakeResource.of(k, job, "h-" + job)
                .withFields(fields(job, file, image)).fromManifest(file)).toList();
    }

    private static Map<String, String> fields(String job, String file, String image) {
        return Map.of("name", "jobform-" + job, "image", image, "tags[\"jobform.io/job\"]", job,
                "tags[\"jobform.io/manifest\"]", file, "logGroup", "/jobform/" + job + "-logs");
    }

    private static List<ObservedResource> applied(String job, String file, String image, boolean recorded) {
        return Stream.of(TASK_DEFINITION, SCHEDULE).map(k -> new ObservedResource(new ResourceId(k, "jobform-" + job),
                "arn:" + job, Optional.of("h-" + job), true, Optional.of(job), Optional.of(file), true, List.of(),
                recorded ? new LastApplied(fields(job, file, image), Map.of()) : LastApplied.NONE)).toList();
    }

    private static <T> List<T> all(List<? extends T> a, List<? extends T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("same file, new name", desired("new", "jobs/a.yaml", "app:2"),
                        applied("old", "jobs/a.yaml", "app:1", false), List.of("old -> new: same manifest file")),
                Arguments.of("moved file, same content but for the name", desired("new", "jobs/b.yaml", "app:1"),
                        applied("old", "jobs/a.yaml", "app:1", true),
                        List.of("old -> new: same content but for metadata.name")),
                Arguments.of("moved file, other content", desired("new", "jobs/b.yaml", "app:2"),
                        applied("old", "jobs/a.yaml", "app:1", true), List.of()),
                Arguments.of("moved file, nothing recorded", desired("new", "jobs/b.yaml", "app:1"),
                        applied("old", "jobs/a.yaml", "app:1", false), List.of()),
                Arguments.of("two new jobs match the old one: no rename",
                        all(desired("new", "jobs/b.yaml", "app:1"), desired("other", "jobs/c.yaml", "app:1")),
                        applied("old", "jobs/a.yaml", "app:1", true), List.of()),
                Arguments.of("the old name inside a longer word is not replaced",
                        desired("new", "jobs/b.yaml", "app:1").stream()
                                .map(d -> d.withFields(with(d.fields(), "bucket", "newest"))).toList(),
                        applied("old", "jobs/a.yaml", "app:1", true).stream().map(o -> o.withLastApplied(new LastApplied(
                                with(o.lastApplied().values(), "bucket", "oldest"), Map.of()))).toList(),
                        List.of()));
    }

    private static Map<String, String> with(Map<String, String> fields, String key, String value) {
        Map<String, String> out = new java.util.TreeMap<>(fields);
        out.put(key, value);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsRenames(String name, List<FakeResource> desired, List<ObservedResource> observed, List<String> expected) {
        Plan plan = planner.plan(desired, observed, PlanPolicy.defaults());
        assertThat(plan.renames()).extracting(r -> r.from() + " -> " + r.to() + ": " + r.evidence().words())
                .containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aRenameChangesNoStep(String name, List<FakeResource> desired, List<ObservedResource> observed,
            List<String> expected) {
        Plan plan = planner.plan(desired, observed, PlanPolicy.defaults());
        Plan unrecorded = planner.plan(desired, observed.stream().map(o -> o.withLastApplied(LastApplied.NONE)
                .withManifest(Optional.empty())).toList(), PlanPolicy.defaults());
        assertThat(unrecorded.renames()).isEmpty();
        assertThat(plan.changes()).extracting(c -> c.action().word() + " " + c.id())
                .containsExactlyElementsOf(unrecorded.changes().stream().map(c -> c.action().word() + " " + c.id())
                        .toList());
    }

    @org.junit.jupiter.api.Test
    void aGuardedDeletionIsNoRename() {
        Plan plan = planner.plan(desired("new", "jobs/a.yaml", "app:1"), applied("old", "jobs/a.yaml", "app:1", true),
                new PlanPolicy(false, 0, java.util.Set.of(), java.util.Set.of()));
        assertThat(plan.guards()).isNotEmpty();
        assertThat(plan.renames()).isEmpty();
    }
}
