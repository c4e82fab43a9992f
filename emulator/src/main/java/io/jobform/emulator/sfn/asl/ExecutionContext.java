package io.jobform.emulator.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The execution-level members of the Context object ("Accessing execution data from the Context object"). */
public record ExecutionContext(String executionArn, String name, String stateMachineArn, String stateMachineName,
        String roleArn, Instant startTime, JsonNode input, int redriveCount) {

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** Step Functions writes context times as ISO 8601 with milliseconds, e.g. 2019-03-26T20:14:13.192Z. */
    static String time(Instant at) {
        return MILLIS.format(at);
    }

    ObjectNode contextObject(String stateName, Instant entered, int retryCount) {
        ObjectNode c = JsonPaths.mapper().createObjectNode();
        ObjectNode e = c.putObject("Execution");
        e.put("Id", executionArn).set("Input", input);
        e.put("Name", name).put("RoleArn", roleArn).put("StartTime", time(startTime)).put("RedriveCount", redriveCount);
        c.putObject("StateMachine").put("Id", stateMachineArn).put("Name", stateMachineName);
        c.putObject("State").put("EnteredTime", time(entered)).put("Name", stateName).put("RetryCount", retryCount);
        return c;
    }
}
