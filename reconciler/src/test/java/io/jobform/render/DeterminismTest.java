package io.jobform.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.manifest.Capacity;
import io.jobform.manifest.ConcurrencyPolicy;
import io.jobform.manifest.Network;
import io.jobform.manifest.Notifications;
import io.jobform.manifest.PermissionStatement;
import io.jobform.manifest.Retries;
import io.jobform.manifest.ScheduledJob;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Same input, same hashes; one semantic change changes the hashes of exactly the resources it affects. */
class DeterminismTest {

    private static final String TD = "TaskDefinition/jobform-nightly-report";
    private static final String SM = "StateMachine/jobform-nightly-report";
    private static final String SCHEDULE = "Schedule/jobform-nightly-report";
    private static final String TASK_ROLE = "Role/jobform-nightly-report";
    private static final String EXECUTION_ROLE = "Role/jobform-execution";
    private static final String STATES_ROLE = "Role/jobform-states";

    private static Map<String, String> hashes(Consumer<JobBuilder> changeNightlyReport) {
        List<ScheduledJob> jobs = new ArrayList<>();
        for (JobBuilder b : JobBuilder.fixtures()) {
            if (b.name.equals("nightly-report")) {
                changeNightlyReport.accept(b);
            }
            jobs.add(b.build());
        }
        RenderResult result = Renderer.render(jobs, JobBuilder.config());
        assertThat(result.violations()).isEmpty();
        return result.desired().resources().stream()
                .collect(Collectors.toMap(r -> r.id().toString(), ResourceSpec::specHash, (a, b) -> a, TreeMap::new));
    }

    private static Set<String> changed(Map<String, String> before, Map<String, String> after) {
        Set<String> ids = new TreeSet<>(before.keySet());
        ids.addAll(after.keySet());
        return ids.stream().filter(id -> !java.util.Objects.equals(before.get(id), after.get(id)))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("image tag", (Consumer<JobBuilder>) b -> b.image = b.image.replace("1.4.2", "1.4.3"), Set.of(TD)),
                // The execution role grants repositories and secrets by tag per account and region:
                // another one in the same region changes only the task definition.
                Arguments.of("image repository", (Consumer<JobBuilder>) b -> b.image = b.image.replace("/report:", "/report2:"),
                        Set.of(TD)),
                Arguments.of("image in another region", (Consumer<JobBuilder>) b -> b.image = b.image.replace("eu-west-1",
                        "eu-central-1"), Set.of(TD, EXECUTION_ROLE)),
                Arguments.of("env value", (Consumer<JobBuilder>) b -> b.env.put("REPORT_DAY", "today"), Set.of(TD)),
                Arguments.of("secret added", (Consumer<JobBuilder>) b -> b.secrets.put("API_KEY",
                        "arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-key"), Set.of(TD)),
                Arguments.of("secret in another account", (Consumer<JobBuilder>) b -> b.secrets.put("API_KEY",
                        "arn:aws:secretsmanager:eu-west-1:210987654321:secret:api-key"), Set.of(TD, EXECUTION_ROLE)),
                Arguments.of("cpu and memory", (Consumer<JobBuilder>) b -> { b.cpu = 1024; b.memory = 2048; }, Set.of(TD)),
                Arguments.of("ephemeral storage", (Consumer<JobBuilder>) b -> b.ephemeral = Optional.empty(), Set.of(TD)),
                Arguments.of("command", (Consumer<JobBuilder>) b -> b.command = List.of("python", "other.py"), Set.of(TD)),
                Arguments.of("label", (Consumer<JobBuilder>) b -> b.labels.put("team", "ops"), Set.of(TD, SM, TASK_ROLE)),
                Arguments.of("permissions", (Consumer<JobBuilder>) b -> b.permissions = List.of(new PermissionStatement(
                        PermissionStatement.Effect.ALLOW, List.of("s3:GetObject"), List.of("arn:aws:s3:::reports/*"))),
                        Set.of(TASK_ROLE)),
                Arguments.of("permissions removed", (Consumer<JobBuilder>) b -> b.permissions = List.of(),
                        Set.of(TASK_ROLE, TD)),
                Arguments.of("retries", (Consumer<JobBuilder>) b -> b.retries = new Retries(5, 30, 2.0, Optional.empty(), false),
                        Set.of(SM)),
                Arguments.of("timeout", (Consumer<JobBuilder>) b -> b.timeout = 60, Set.of(SM)),
                Arguments.of("capacity", (Consumer<JobBuilder>) b -> b.capacity = Capacity.ON_DEMAND, Set.of(SM)),
                Arguments.of("network", (Consumer<JobBuilder>) b -> b.network = Optional.of(
                        new Network(List.of("subnet-9"), List.of("sg-1"), false)), Set.of(SM)),
                Arguments.of("concurrency", (Consumer<JobBuilder>) b -> b.concurrency = ConcurrencyPolicy.ALLOW, Set.of(SM)),
                Arguments.of("notifications", (Consumer<JobBuilder>) b -> b.notifications = Notifications.none(),
                        Set.of(SM, STATES_ROLE)),
                Arguments.of("cron", (Consumer<JobBuilder>) b -> b.schedule = Optional.of(JobBuilder.cron(
                        "0 3 * * *", "0 3 * * ? *", "Europe/Berlin", Optional.of(10))), Set.of(SCHEDULE)),
                Arguments.of("timezone", (Consumer<JobBuilder>) b -> b.schedule = Optional.of(JobBuilder.cron(
                        "0 2 * * *", "0 2 * * ? *", "UTC", Optional.of(10))), Set.of(SCHEDULE)),
                Arguments.of("jitter (also the deadline allowance)", (Consumer<JobBuilder>) b -> b.schedule = Optional.of(
                        JobBuilder.cron("0 2 * * *", "0 2 * * ? *", "Europe/Berlin", Optional.empty())), Set.of(SCHEDULE, SM)),
                Arguments.of("suspend", (Consumer<JobBuilder>) b -> b.suspend = true, Set.of(SCHEDULE)),
                Arguments.of("starting deadline", (Consumer<JobBuilder>) b -> b.deadline = Optional.of(900), Set.of(SCHEDULE, SM)),
                Arguments.of("input", (Consumer<JobBuilder>) b -> b.input = CanonicalJson.parse("{\"bucket\":\"other\"}"),
                        Set.of(SCHEDULE, SM)),
                Arguments.of("schedule removed", (Consumer<JobBuilder>) b -> b.schedule = Optional.empty(),
                        Set.of(SCHEDULE, SM)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void oneChangeChangesExactlyTheResourcesItAffects(String name, Consumer<JobBuilder> change, Set<String> expected) {
        assertThat(changed(hashes(b -> { }), hashes(change))).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void sameInputSameHashes() {
        assertThat(hashes(b -> { })).isEqualTo(hashes(b -> { }));
    }

    @Test
    void keyOrderAndJobOrderDoNotMatter() {
        Map<String, String> before = hashes(b -> { });
        Map<String, String> reordered = hashes(b -> {
            b.input = CanonicalJson.parse("{\"b\":1,\"a\":{\"y\":2,\"x\":1}}");
            Map<String, String> env = new java.util.LinkedHashMap<>();
            env.put("Z", "1");
            env.put("A", "2");
            b.env = env;
        });
        Map<String, String> reorderedAgain = hashes(b -> {
            b.input = CanonicalJson.parse("{\"a\":{\"x\":1,\"y\":2},\"b\":1}");
            Map<String, String> env = new java.util.LinkedHashMap<>();
            env.put("A", "2");
            env.put("Z", "1");
            b.env = env;
        });
        assertThat(reordered).isEqualTo(reorderedAgain).isNotEqualTo(before);

        List<ScheduledJob> jobs = new ArrayList<>(JobBuilder.fixtures().stream().map(JobBuilder::build).toList());
        RenderResult forward = Renderer.render(jobs, JobBuilder.config());
        Collections.reverse(jobs);
        RenderResult backward = Renderer.render(jobs, JobBuilder.config());
        assertThat(RenderDocument.of(backward.desired().resources()))
                .isEqualTo(RenderDocument.of(forward.desired().resources()));
    }

    @Test
    void instanceNameChangesEveryResource() {
        List<ScheduledJob> jobs = JobBuilder.fixtures().stream().map(JobBuilder::build).toList();
        var config = JobBuilder.config();
        var other = new io.jobform.config.InstanceConfig("batch", config.partition(), config.region(),
                config.accountId(), config.cluster(), config.network(), config.permissionsBoundaryArn());
        RenderResult result = Renderer.render(jobs, other);
        assertThat(result.desired().resources()).allSatisfy(r -> assertThat(r.id().name()).startsWith("batch"));
        assertThat(result.desired().ofType(RoleSpec.class))
                .allSatisfy(r -> assertThat(r.arn()).contains(":role/jobform/batch/batch-"));
    }
}
