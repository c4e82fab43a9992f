package io.jobform.emulator.sfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.core.AwsException;
import io.jobform.emulator.jsonapi.JsonBody;
import io.jobform.emulator.testing.FakeRoles;
import io.jobform.emulator.testing.Requests;
import io.jobform.emulator.testing.TestContexts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepFunctionsServiceTest {
    static final String DEFINITION = "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}";
    /** Runs for an hour of the (fixed) test clock, so its executions stay RUNNING. */
    static final String WAITING = "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Wait\",\"Seconds\":3600,\"End\":true}}}";
    private final FakeRoles roles = new FakeRoles().trusting("states", "states.amazonaws.com")
            .trusting("other", "states.amazonaws.com").trusting("sched", "scheduler.amazonaws.com")
            .trusting("fresh", "states.amazonaws.com").propagating("fresh");
    private final StepFunctionsService sfn = new StepFunctionsService(TestContexts.with(roles));

    JsonNode call(String operation, JsonNode body) {
        var response = sfn.handle(Requests.json("states", "AWSStepFunctions." + operation, body.toString()));
        try {
            return JsonBody.mapper().readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode machine(String name, String definition, String role) {
        return JsonBody.object().put("name", name).put("definition", definition).put("roleArn", FakeRoles.arn(role));
    }

    private static void assertCode(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.status()).isEqualTo(400);
        });
    }

    @Test
    void createIsIdempotentIgnoringRoleAndTags() {
        JsonNode first = call("CreateStateMachine", machine("job", DEFINITION, "states"));
        assertThat(first.get("stateMachineArn").asText()).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:job");
        ObjectNode again = machine("job", DEFINITION, "other");
        again.putArray("tags").addObject().put("key", "k").put("value", "v");
        assertThat(call("CreateStateMachine", again).get("stateMachineArn")).isEqualTo(first.get("stateMachineArn"));
        JsonNode described = call("DescribeStateMachine", JsonBody.object().put("stateMachineArn", first.get("stateMachineArn").asText()));
        assertThat(described.get("roleArn").asText()).isEqualTo(FakeRoles.arn("states"));
        assertThat(sfn.taggedResources("us-east-1").get(0).tags()).isEmpty();
        String changed = DEFINITION.replace("\"A\"", "\"B\"");
        assertCode(() -> call("CreateStateMachine", machine("job", changed, "states")), "StateMachineAlreadyExists");
        assertCode(() -> call("CreateStateMachine", machine("job", DEFINITION, "states").put("type", "EXPRESS")),
                "StateMachineAlreadyExists");
    }

    @Test
    void rejectsBadInput() {
        assertCode(() -> call("CreateStateMachine", machine("a b", DEFINITION, "states")), "InvalidName");
        assertCode(() -> call("CreateStateMachine", machine("n".repeat(81), DEFINITION, "states")), "InvalidName");
        assertCode(() -> call("CreateStateMachine", machine("job", "{\"StartAt\":\"X\",\"States\":{}}", "states")),
                "InvalidDefinition");
        assertCode(() -> call("CreateStateMachine", machine("job", DEFINITION, "ghost")), "AccessDeniedException");
        assertCode(() -> call("CreateStateMachine", machine("job", DEFINITION, "sched")), "AccessDeniedException");
        assertCode(() -> call("CreateStateMachine", machine("job", DEFINITION, "fresh")), "AccessDeniedException");
        assertCode(() -> call("CreateStateMachine", machine("job", DEFINITION, "states").put("roleArn", "states-role")),
                "InvalidArn");
        assertCode(() -> call("CreateStateMachine", machine("job", DEFINITION, "states").put("type", "FAST")),
                "ValidationException");
        assertCode(() -> call("DescribeStateMachine", JsonBody.object().put("stateMachineArn", "nope")), "InvalidArn");
        assertCode(() -> call("DescribeStateMachine", JsonBody.object()
                .put("stateMachineArn", "arn:aws:states:us-east-1:123456789012:stateMachine:ghost")), "StateMachineDoesNotExist");
        ObjectNode tooMany = machine("job", DEFINITION, "states");
        var tags = tooMany.putArray("tags");
        for (int i = 0; i < 51; i++) {
            tags.addObject().put("key", "k" + i).put("value", "v");
        }
        assertCode(() -> call("CreateStateMachine", tooMany), "TooManyTags");
        assertThatThrownBy(() -> call("CreateStateMachine", machine("job", DEFINITION, "states")
                .put("definition", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\"}}}")))
                .hasMessageStartingWith("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED");
        roles.propagated("fresh");
        assertThat(call("CreateStateMachine", machine("job", DEFINITION, "fresh")).has("stateMachineArn")).isTrue();
    }

    @Test
    void updateReplacesDefinitionAndRole() {
        String arn = call("CreateStateMachine", machine("job", DEFINITION, "states")).get("stateMachineArn").asText();
        String changed = DEFINITION.replace("Pass", "Succeed").replace(",\"End\":true", "");
        JsonNode updated = call("UpdateStateMachine", JsonBody.object().put("stateMachineArn", arn).put("definition", changed)
                .put("roleArn", FakeRoles.arn("other")));
        assertThat(updated.has("updateDate")).isTrue();
        JsonNode described = call("DescribeStateMachine", JsonBody.object().put("stateMachineArn", arn));
        assertThat(described.get("definition").asText()).isEqualTo(changed);
        assertThat(described.get("roleArn").asText()).isEqualTo(FakeRoles.arn("other"));
        assertCode(() -> call("UpdateStateMachine", JsonBody.object().put("stateMachineArn", arn)), "MissingRequiredParameter");
        assertCode(() -> call("UpdateStateMachine", JsonBody.object().put("stateMachineArn", arn).put("definition", "{")),
                "InvalidDefinition");
    }

    @Test
    void executionsRunUntilTheTestCompletesThem() {
        String arn = call("CreateStateMachine", machine("job", WAITING, "states")).get("stateMachineArn").asText();
        ObjectNode start = JsonBody.object().put("stateMachineArn", arn).put("name", "run-1").put("input", "{\"a\":1}");
        String execution = call("StartExecution", start).get("executionArn").asText();
        assertThat(execution).isEqualTo("arn:aws:states:us-east-1:123456789012:execution:job:run-1");
        assertThat(call("StartExecution", start).get("executionArn").asText()).isEqualTo(execution);
        assertCode(() -> call("StartExecution", start.deepCopy().put("input", "{}")), "ExecutionAlreadyExists");
        assertCode(() -> call("StartExecution", JsonBody.object().put("stateMachineArn", arn).put("input", "{bad")),
                "InvalidExecutionInput");
        assertCode(() -> call("StartExecution", JsonBody.object().put("stateMachineArn", arn).put("name", "a:b")), "InvalidName");
        assertThat(sfn.executionArns("us-east-1", "RUNNING")).containsExactly(execution);

        sfn.completeExecution(execution, new ExecutionOutcome.Failed("JobFailed", "exit 1"));
        JsonNode described = call("DescribeExecution", JsonBody.object().put("executionArn", execution));
        assertThat(described.get("status").asText()).isEqualTo("FAILED");
        assertThat(described.get("error").asText()).isEqualTo("JobFailed");
        assertThat(described.get("cause").asText()).isEqualTo("exit 1");
        assertCode(() -> call("StartExecution", start), "ExecutionAlreadyExists");
        assertThatThrownBy(() -> sfn.completeExecution(execution, new ExecutionOutcome.TimedOut()))
                .isInstanceOf(IllegalStateException.class);

        call("RedriveExecution", JsonBody.object().put("executionArn", execution));
        JsonNode redriven = call("DescribeExecution", JsonBody.object().put("executionArn", execution));
        assertThat(redriven.get("status").asText()).isEqualTo("RUNNING");
        assertThat(redriven.get("redriveCount").asInt()).isEqualTo(1);
        sfn.completeExecution(execution, new ExecutionOutcome.Succeeded("{\"ok\":true}"));
        assertCode(() -> call("RedriveExecution", JsonBody.object().put("executionArn", execution)), "ExecutionNotRedrivable");
        JsonNode history = call("GetExecutionHistory", JsonBody.object().put("executionArn", execution));
        assertThat(history.get("events")).extracting(e -> e.get("type").asText())
                .containsExactly("ExecutionStarted", "WaitStateEntered", "ExecutionFailed", "ExecutionRedriven",
                        "WaitStateEntered", "ExecutionSucceeded");
        assertThat(history.at("/events/5/executionSucceededEventDetails/output").asText()).isEqualTo("{\"ok\":true}");
        assertCode(() -> call("DescribeExecution", JsonBody.object().put("executionArn", execution + "x")),
                "ExecutionDoesNotExist");
    }

    @Test
    void listsExecutionsNewestFirstWithStatusFilterAndPages() {
        String arn = call("CreateStateMachine", machine("job", WAITING, "states")).get("stateMachineArn").asText();
        for (String name : List.of("r1", "r2", "r3")) {
            call("StartExecution", JsonBody.object().put("stateMachineArn", arn).put("name", name));
        }
        String stopped = call("DescribeExecution", JsonBody.object().put("executionArn",
                "arn:aws:states:us-east-1:123456789012:execution:job:r2")).get("executionArn").asText();
        call("StopExecution", JsonBody.object().put("executionArn", stopped).put("error", "Replaced"));
        JsonNode page1 = call("ListExecutions", JsonBody.object().put("stateMachineArn", arn).put("maxResults", 2));
        assertThat(page1.get("executions")).extracting(e -> e.get("name").asText()).containsExactly("r3", "r2");
        JsonNode page2 = call("ListExecutions", JsonBody.object().put("stateMachineArn", arn).put("maxResults", 2)
                .put("nextToken", page1.get("nextToken").asText()));
        assertThat(page2.get("executions")).extracting(e -> e.get("name").asText()).containsExactly("r1");
        JsonNode aborted = call("ListExecutions", JsonBody.object().put("stateMachineArn", arn).put("statusFilter", "ABORTED"));
        assertThat(aborted.get("executions")).extracting(e -> e.get("name").asText()).containsExactly("r2");
        assertCode(() -> call("ListExecutions", JsonBody.object().put("stateMachineArn", arn).put("nextToken", "zzz")),
                "InvalidToken");
    }

    @Test
    void adminEndpointCompletesExecutions() {
        String arn = call("CreateStateMachine", machine("job", WAITING, "states")).get("stateMachineArn").asText();
        String execution = call("StartExecution", JsonBody.object().put("stateMachineArn", arn)).get("executionArn").asText();
        var response = sfn.admin(Requests.rest("states", "POST", "/_emulator/states/executions/complete", Map.of(),
                JsonBody.object().put("executionArn", execution).put("status", "TIMED_OUT").toString()));
        assertThat(response).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(call("DescribeExecution", JsonBody.object().put("executionArn", execution)).get("status").asText())
                .isEqualTo("TIMED_OUT");
        var again = sfn.admin(Requests.rest("states", "POST", "/_emulator/states/executions/complete", Map.of(),
                JsonBody.object().put("executionArn", execution).put("status", "SUCCEEDED").toString()));
        assertThat(again).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(409));
        var listing = sfn.admin(Requests.rest("states", "GET", "/_emulator/states/executions",
                Map.of("status", List.of("TIMED_OUT")), ""));
        assertThat(new String(listing.orElseThrow().body())).contains(execution);
    }

    @Test
    void validateReturnsDiagnosticsInsteadOfFailing() {
        JsonNode ok = call("ValidateStateMachineDefinition", JsonBody.object().put("definition", DEFINITION));
        assertThat(ok.get("result").asText()).isEqualTo("OK");
        JsonNode fail = call("ValidateStateMachineDefinition", JsonBody.object()
                .put("definition", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"B\"}}}"));
        assertThat(fail.get("result").asText()).isEqualTo("FAIL");
        assertThat(fail.get("diagnostics")).extracting(d -> d.get("code").asText()).contains("MISSING_TRANSITION_TARGET");
    }

    @Test
    void tagsDeleteAndSnapshot() {
        String arn = call("CreateStateMachine", machine("job", DEFINITION, "states")).get("stateMachineArn").asText();
        ObjectNode tag = JsonBody.object().put("resourceArn", arn);
        tag.putArray("tags").addObject().put("key", "jobform.io/job").put("value", "job");
        call("TagResource", tag);
        assertThat(call("ListTagsForResource", JsonBody.object().put("resourceArn", arn)).at("/tags/0/value").asText())
                .isEqualTo("job");
        call("StartExecution", JsonBody.object().put("stateMachineArn", arn).put("name", "r1"));
        StepFunctionsService other = new StepFunctionsService(TestContexts.with(roles));
        other.restore(sfn.snapshot());
        assertThat(other.snapshot()).isEqualTo(sfn.snapshot());
        call("DeleteStateMachine", JsonBody.object().put("stateMachineArn", arn));
        call("DeleteStateMachine", JsonBody.object().put("stateMachineArn", arn));
        assertCode(() -> call("ListTagsForResource", JsonBody.object().put("resourceArn", arn)), "ResourceNotFound");
        assertThat(call("ListStateMachines", JsonBody.object()).get("stateMachines")).isEmpty();
    }
}
