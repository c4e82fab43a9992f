package io.jobform.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobform.emulator.sfn.ExecutionOutcome;
import io.jobform.emulator.sfn.StepFunctionsService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.Tag;
import software.amazon.awssdk.services.sfn.model.TooManyTagsException;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;

/** Step Functions through the real SDK client; execution completion uses the emulator's hooks. */
class StepFunctionsIT extends ComputeEndpointTestBase {
    static final String DEFINITION = """
            {"StartAt":"Run","States":{
              "Run":{"Type":"Task","Resource":"arn:aws:states:::ecs:runTask.sync",
                     "Retry":[{"ErrorEquals":["ECS.AmazonECSException"],"MaxAttempts":2},{"ErrorEquals":["States.ALL"]}],
                     "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Failed"}],"End":true},
              "Failed":{"Type":"Fail","Error":"JobFailed"}}}""";
    private static String roleArn;
    private static String otherRole;

    @BeforeAll
    static void roles() {
        roleArn = role(unique("states"), "states.amazonaws.com");
        otherRole = role(unique("states2"), "states.amazonaws.com");
    }

    private static String create(SfnClient sfn, String name) {
        return sfn.createStateMachine(r -> r.name(name).definition(DEFINITION).roleArn(roleArn)).stateMachineArn();
    }

    static Stream<Arguments> invalidDefinitions() {
        return Stream.of(
                Arguments.of("not json", "{\"StartAt\":"),
                Arguments.of("no StartAt", "{\"States\":{\"A\":{\"Type\":\"Succeed\"}}}"),
                Arguments.of("StartAt unresolved", "{\"StartAt\":\"B\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}"),
                Arguments.of("Next unresolved", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"B\"}}}"),
                Arguments.of("unknown Type", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Run\",\"End\":true}}}"),
                Arguments.of("Resource not a string",
                        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":1,\"End\":true}}}"),
                Arguments.of("States.ALL first", DEFINITION.replace(
                        "[{\"ErrorEquals\":[\"ECS.AmazonECSException\"],\"MaxAttempts\":2},{\"ErrorEquals\":[\"States.ALL\"]}]",
                        "[{\"ErrorEquals\":[\"States.ALL\"]},{\"ErrorEquals\":[\"ECS.AmazonECSException\"]}]")),
                Arguments.of("Catch Next unresolved", DEFINITION.replace("\"Next\":\"Failed\"", "\"Next\":\"Gone\"")),
                Arguments.of("no terminal state",
                        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"B\"},\"B\":{\"Type\":\"Pass\",\"Next\":\"A\"}}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDefinitions")
    void rejectsInvalidDefinitions(String name, String definition) {
        try (SfnClient sfn = sfn()) {
            assertThatThrownBy(() -> sfn.createStateMachine(r -> r.name(unique("bad")).definition(definition).roleArn(roleArn)))
                    .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
            var validated = sfn.validateStateMachineDefinition(r -> r.definition(definition));
            assertThat(validated.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
            assertThat(validated.diagnostics()).isNotEmpty();
        }
    }

    @Test
    void validatesAGoodDefinition() {
        try (SfnClient sfn = sfn()) {
            var validated = sfn.validateStateMachineDefinition(r -> r.definition(DEFINITION));
            assertThat(validated.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
            assertThat(validated.diagnostics()).isEmpty();
        }
    }

    @Test
    void createIsIdempotentAndDetectsConflicts() {
        try (SfnClient sfn = sfn()) {
            String name = unique("it-sm");
            String arn = create(sfn, name);
            assertThat(arn).matches("arn:aws:states:us-east-1:\\d{12}:stateMachine:" + name);
            String again = sfn.createStateMachine(r -> r.name(name).definition(DEFINITION).roleArn(otherRole)
                    .tags(Tag.builder().key("ignored").value("yes").build())).stateMachineArn();
            assertThat(again).isEqualTo(arn);
            assertThat(sfn.describeStateMachine(r -> r.stateMachineArn(arn)).roleArn()).isEqualTo(roleArn);
            assertThat(sfn.listTagsForResource(r -> r.resourceArn(arn)).tags()).isEmpty();
            assertThatThrownBy(() -> sfn.createStateMachine(r -> r.name(name).roleArn(roleArn)
                    .definition(DEFINITION.replace("JobFailed", "Other"))))
                    .isInstanceOf(StateMachineAlreadyExistsException.class);
            assertThatThrownBy(() -> sfn.createStateMachine(r -> r.name(name).roleArn(roleArn).definition(DEFINITION)
                    .type(StateMachineType.EXPRESS)))
                    .isInstanceOf(StateMachineAlreadyExistsException.class);
        }
    }

    @Test
    void rejectsBadNamesArnsAndRoles() {
        try (SfnClient sfn = sfn()) {
            assertThatThrownBy(() -> sfn.createStateMachine(r -> r.name("has space").definition(DEFINITION).roleArn(roleArn)))
                    .isInstanceOf(InvalidNameException.class);
            assertThatThrownBy(() -> sfn.createStateMachine(r -> r.name("x".repeat(81)).definition(DEFINITION).roleArn(roleArn)))
                    .isInstanceOf(InvalidNameException.class);
            assertThatThrownBy(() -> sfn.createStateMachine(r -> r.name(unique("sm")).definition(DEFINITION).roleArn("role")))
                    .isInstanceOf(InvalidArnException.class);
            String schedulerRole = role(unique("not-states"), "scheduler.amazonaws.com");
            assertThatThrownBy(() -> sfn.createStateMachine(r -> r.name(unique("sm")).definition(DEFINITION)
                    .roleArn(schedulerRole)))
                    .isInstanceOfSatisfying(SfnException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                        assertThat(e.getMessage()).contains("states.amazonaws.com");
                    });
            assertThatThrownBy(() -> sfn.describeStateMachine(r -> r.stateMachineArn("not-an-arn")))
                    .isInstanceOf(InvalidArnException.class);
            assertThatThrownBy(() -> sfn.describeStateMachine(r -> r.stateMachineArn(
                    create(sfn, unique("real")).replaceAll(":stateMachine:.*$", ":stateMachine:" + unique("ghost")))))
                    .isInstanceOf(StateMachineDoesNotExistException.class);
            List<Tag> tags = new ArrayList<>();
            for (int i = 0; i < 51; i++) {
                tags.add(Tag.builder().key("k" + i).value("v").build());
            }
            assertThatThrownBy(() -> sfn.createStateMachine(r -> r.name(unique("sm")).definition(DEFINITION).roleArn(roleArn)
                    .tags(tags))).isInstanceOf(TooManyTagsException.class);
        }
    }

    @Test
    void roleNotYetPropagatedIsAccessDenied() {
        var emulator = emulatorOnly();
        emulator.hooks().iamPropagationDelay(Duration.ofHours(1));
        try (SfnClient sfn = sfn()) {
            String fresh = role(unique("fresh"), "states.amazonaws.com");
            assertThatThrownBy(() -> sfn.createStateMachine(r -> r.name(unique("sm")).definition(DEFINITION).roleArn(fresh)))
                    .isInstanceOfSatisfying(SfnException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
        } finally {
            emulator.hooks().iamPropagationDelay(Duration.ZERO);
        }
    }

    @Test
    void updateDescribeListTagDelete() {
        try (SfnClient sfn = sfn()) {
            String prefix = unique("it-upd");
            String arn = create(sfn, prefix + "-a");
            create(sfn, prefix + "-b");
            String changed = DEFINITION.replace("JobFailed", "JobFailedV2");
            assertThat(sfn.updateStateMachine(r -> r.stateMachineArn(arn).definition(changed).roleArn(otherRole)).updateDate())
                    .isNotNull();
            var described = sfn.describeStateMachine(r -> r.stateMachineArn(arn));
            assertThat(described.definition()).isEqualTo(changed);
            assertThat(described.roleArn()).isEqualTo(otherRole);
            assertThat(described.type()).isEqualTo(StateMachineType.STANDARD);
            assertThatThrownBy(() -> sfn.updateStateMachine(r -> r.stateMachineArn(arn)))
                    .isInstanceOf(MissingRequiredParameterException.class);
            assertThatThrownBy(() -> sfn.updateStateMachine(r -> r.stateMachineArn(arn).definition("{}")))
                    .isInstanceOf(InvalidDefinitionException.class);

            List<String> names = new ArrayList<>();
            sfn.listStateMachinesPaginator(r -> r.maxResults(1))
                    .forEach(p -> p.stateMachines().forEach(m -> names.add(m.name())));
            assertThat(names).contains(prefix + "-a", prefix + "-b");

            sfn.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("jobform.io/job").value("a").build(),
                    Tag.builder().key("team").value("x").build()));
            sfn.untagResource(r -> r.resourceArn(arn).tagKeys("team"));
            assertThat(sfn.listTagsForResource(r -> r.resourceArn(arn)).tags())
                    .containsExactly(Tag.builder().key("jobform.io/job").value("a").build());

            sfn.deleteStateMachine(r -> r.stateMachineArn(arn));
            assertThatThrownBy(() -> sfn.describeStateMachine(r -> r.stateMachineArn(arn)))
                    .isInstanceOf(StateMachineDoesNotExistException.class);
            assertThatThrownBy(() -> sfn.listTagsForResource(r -> r.resourceArn(arn)))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    void executionsStartListStopAndDescribe() {
        try (SfnClient sfn = sfn()) {
            String arn = create(sfn, unique("it-exec"));
            String first = sfn.startExecution(r -> r.stateMachineArn(arn).name("run-1").input("{\"a\":1}")).executionArn();
            assertThat(sfn.startExecution(r -> r.stateMachineArn(arn).name("run-1").input("{\"a\":1}")).executionArn())
                    .isEqualTo(first);
            assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(arn).name("run-1").input("{\"a\":2}")))
                    .isInstanceOf(ExecutionAlreadyExistsException.class);
            assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(arn).input("{not json")))
                    .isInstanceOf(InvalidExecutionInputException.class);
            assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(arn).name("bad name")))
                    .isInstanceOf(InvalidNameException.class);
            for (int i = 2; i <= 3; i++) {
                String name = "run-" + i;
                sfn.startExecution(r -> r.stateMachineArn(arn).name(name));
            }
            var running = sfn.describeExecution(r -> r.executionArn(first));
            assertThat(running.status()).isEqualTo(ExecutionStatus.RUNNING);
            assertThat(running.input()).isEqualTo("{\"a\":1}");

            sfn.stopExecution(r -> r.executionArn(first).error("Replaced").cause("newer run"));
            var stopped = sfn.describeExecution(r -> r.executionArn(first));
            assertThat(stopped.status()).isEqualTo(ExecutionStatus.ABORTED);
            assertThat(stopped.error()).isEqualTo("Replaced");
            assertThat(stopped.stopDate()).isNotNull();

            List<String> names = new ArrayList<>();
            sfn.listExecutionsPaginator(r -> r.stateMachineArn(arn).maxResults(2))
                    .forEach(p -> p.executions().forEach(e -> names.add(e.name())));
            assertThat(names).containsExactly("run-3", "run-2", "run-1");
            assertThat(sfn.listExecutions(r -> r.stateMachineArn(arn).statusFilter(ExecutionStatus.RUNNING)).executions())
                    .extracting(e -> e.name()).containsExactly("run-3", "run-2");
            // The execution ran its Task state (its RunTask retries on simulated time) until it was stopped.
            var types = sfn.getExecutionHistory(r -> r.executionArn(first)).events().stream().map(e -> e.type()).toList();
            assertThat(types).startsWith(HistoryEventType.EXECUTION_STARTED, HistoryEventType.TASK_STATE_ENTERED)
                    .endsWith(HistoryEventType.EXECUTION_ABORTED);
            assertThatThrownBy(() -> sfn.describeExecution(r -> r.executionArn(first + "-missing")))
                    .isInstanceOf(ExecutionDoesNotExistException.class);
            assertThatThrownBy(() -> sfn.describeExecution(r -> r.executionArn("arn:aws:states:bad")))
                    .isInstanceOf(InvalidArnException.class);
        }
    }

    @Test
    void testHooksCompleteExecutionsAndRedriveWorks() throws Exception {
        var emulator = emulatorOnly();
        try (SfnClient sfn = sfn()) {
            String arn = create(sfn, unique("it-hook"));
            String ok = sfn.startExecution(r -> r.stateMachineArn(arn).name("ok")).executionArn();
            String failed = sfn.startExecution(r -> r.stateMachineArn(arn).name("failed")).executionArn();
            String timedOut = sfn.startExecution(r -> r.stateMachineArn(arn).name("timed-out")).executionArn();

            StepFunctionsService states = emulator.service(StepFunctionsService.class);
            states.completeExecution(ok, new ExecutionOutcome.Succeeded("{\"exitCode\":0}"));
            states.completeExecution(failed, new ExecutionOutcome.Failed("JobFailed", "exit code 3"));
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(endpoint + "/_emulator/states/executions/complete"))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"executionArn\":\"" + timedOut + "\",\"status\":\"TIMED_OUT\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);

            var succeeded = sfn.describeExecution(r -> r.executionArn(ok));
            assertThat(succeeded.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(succeeded.output()).isEqualTo("{\"exitCode\":0}");
            var fail = sfn.describeExecution(r -> r.executionArn(failed));
            assertThat(fail.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(fail.error()).isEqualTo("JobFailed");
            assertThat(fail.cause()).isEqualTo("exit code 3");
            assertThat(sfn.describeExecution(r -> r.executionArn(timedOut)).status()).isEqualTo(ExecutionStatus.TIMED_OUT);
            assertThat(sfn.listExecutions(r -> r.stateMachineArn(arn).statusFilter(ExecutionStatus.FAILED)).executions())
                    .extracting(e -> e.executionArn()).containsExactly(failed);

            assertThat(sfn.redriveExecution(r -> r.executionArn(failed)).redriveDate()).isNotNull();
            var redriven = sfn.describeExecution(r -> r.executionArn(failed));
            assertThat(redriven.status()).isEqualTo(ExecutionStatus.RUNNING);
            assertThat(redriven.redriveCount()).isEqualTo(1);
            assertThatThrownBy(() -> sfn.redriveExecution(r -> r.executionArn(ok)))
                    .isInstanceOf(ExecutionNotRedrivableException.class);
        }
    }
}
