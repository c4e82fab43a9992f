package io.jobform.emulator.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.jsonapi.JsonBody;
import io.jobform.emulator.testing.FakeRoles;
import io.jobform.emulator.testing.Requests;
import io.jobform.emulator.testing.TestContexts;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DescribeTasks on a task's computed life, seen at the context's fixed clock: the task was
 * created, started and ends at offsets (seconds) from now, and may be stopped at one.
 */
class SimulatedTasksTest {
    static final Instant NOW = TestContexts.NOW;
    static final String ARN = "arn:aws:ecs:us-east-1:123456789012:task/batch/0123456789abcdef";

    static Stream<Arguments> cases() {
        return Stream.of(
                // created, running, ends (empty: keeps running), stopped at (empty: not stopped), expected
                Arguments.of(10, 12, Optional.of(15), Optional.empty(), "MISSING"),
                Arguments.of(-1, 1, Optional.of(4), Optional.empty(), "PROVISIONING"),
                Arguments.of(-5, -3, Optional.of(10), Optional.empty(), "RUNNING"),
                Arguments.of(-5, -3, Optional.empty(), Optional.empty(), "RUNNING"),
                Arguments.of(-5, -3, Optional.of(0), Optional.empty(), "STOPPED EssentialContainerExited 0"),
                Arguments.of(-5, -3, Optional.empty(), Optional.of(-1), "STOPPED UserInitiated none"),
                Arguments.of(-5, -3, Optional.of(10), Optional.of(-1), "STOPPED UserInitiated none"),
                Arguments.of(-5, -3, Optional.of(10), Optional.of(-4), "STOPPED UserInitiated none"),
                // Stopped after it had ended: the end stands.
                Arguments.of(-9, -7, Optional.of(-5), Optional.of(-1), "STOPPED EssentialContainerExited 0"),
                // Stopped before it was created: it never existed.
                Arguments.of(5, 7, Optional.of(9), Optional.of(-1), "MISSING"));
    }

    private static ObjectNode task(Instant created, String lastStatus) {
        ObjectNode t = JsonBody.object().put("TaskArn", ARN)
                .put("ClusterArn", "arn:aws:ecs:us-east-1:123456789012:cluster/batch")
                .put("CreatedAt", created.toEpochMilli()).put("LastStatus", lastStatus);
        t.putArray("Containers").addObject().put("Name", "main").put("LastStatus", "PENDING");
        return t;
    }

    @ParameterizedTest(name = "{4}: created {0}, running {1}, ends {2}, stopped {3}")
    @MethodSource("cases")
    void describesTheTaskAsTheClockFindsIt(int created, int running, Optional<Integer> ends, Optional<Integer> stop,
            String expected) throws IOException {
        EcsService ecs = new EcsService(TestContexts.with(new FakeRoles()));
        Instant createdAt = NOW.plusSeconds(created);
        Optional<JsonNode> stopped = ends.map(e -> {
            ObjectNode t = task(createdAt, "STOPPED").put("StoppedAt", NOW.plusSeconds(e).toEpochMilli())
                    .put("StopCode", "EssentialContainerExited").put("StartedAt", NOW.plusSeconds(running).toEpochMilli());
            ((ObjectNode) t.withArray("Containers").get(0)).put("ExitCode", 0).put("LastStatus", "STOPPED");
            return t;
        });
        ecs.simulatedTasks().started(task(createdAt, "PROVISIONING"), NOW.plusSeconds(running), stopped);
        stop.ifPresent(s -> ecs.simulatedTasks().stop(ARN, NOW.plusSeconds(s), "UserInitiated", "aborted"));

        var response = ecs.handle(Requests.json("ecs", "AmazonEC2ContainerServiceV20141113.DescribeTasks",
                "{\"cluster\":\"batch\",\"tasks\":[\"0123456789abcdef\"]}"));
        JsonNode answer = JsonBody.mapper().readTree(response.body());
        if (expected.equals("MISSING")) {
            assertThat(answer.path("tasks")).isEmpty();
            assertThat(answer.path("failures").get(0).path("arn").asText()).isEqualTo(ARN);
            assertThat(answer.path("failures").get(0).path("reason").asText()).isEqualTo("MISSING");
            return;
        }
        JsonNode t = answer.path("tasks").get(0);
        String seen = t.path("lastStatus").asText();
        if (seen.equals("STOPPED")) {
            JsonNode code = t.at("/containers/0/exitCode");
            seen += " " + t.path("stopCode").asText() + " " + (code.isMissingNode() ? "none" : code.asText());
        }
        assertThat(seen).isEqualTo(expected);
        assertThat(t.path("taskArn").asText()).isEqualTo(ARN);
        assertThat(t.path("createdAt").asDouble()).isEqualTo(createdAt.toEpochMilli() / 1000.0);
        if (stop.filter(at -> at < running).isPresent()) {
            assertThat(t.has("startedAt")).as("stopped before it started").isFalse();
        } else if (!expected.equals("PROVISIONING")) {
            assertThat(t.path("startedAt").asDouble()).isEqualTo(NOW.plusSeconds(running).toEpochMilli() / 1000.0);
        }
        stop.filter(s -> expected.contains("UserInitiated")).ifPresent(s -> {
            assertThat(t.path("stoppedAt").asDouble()).isEqualTo(NOW.plusSeconds(s).toEpochMilli() / 1000.0);
            assertThat(t.path("stoppedReason").asText()).isEqualTo("aborted");
        });
    }
}
