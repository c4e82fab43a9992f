package io.jobform.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One execution to run in both interpreters: a definition, the execution's input, the scripted
 * Task results, and the names that make up its Context object (the execution ARN is
 * {@code arn:aws:states:us-east-1:123456789012:execution:<machineName>:<executionName>}).
 *
 * @param startTime when the execution starts in both interpreters: the scheduled times in the
 *                  input are relative to it, so a slow machine never turns an on-time run late
 */
public record Scenario(String id, String machineName, String executionName, JsonNode definition, JsonNode input,
        TaskScript script, Instant startTime) {

    /** Starting now: for a scenario run as soon as it is made. */
    public Scenario(String id, String machineName, String executionName, JsonNode definition, JsonNode input,
            TaskScript script) {
        this(id, machineName, executionName, definition, input, script, Instant.now());
    }

    static final String REGION = "us-east-1";
    static final String ACCOUNT = "123456789012";
    static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/conformance-states";

    public String machineArn() {
        return "arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:" + machineName;
    }

    public String executionArn() {
        return "arn:aws:states:" + REGION + ":" + ACCOUNT + ":execution:" + machineName + ":" + executionName;
    }

    /** The Context object members the rendered machines read (Execution, StateMachine). */
    ObjectNode context(String startTime) {
        ObjectNode c = TaskScript.JSON.createObjectNode();
        ObjectNode e = c.putObject("Execution");
        e.put("Id", executionArn()).put("Name", executionName).put("RoleArn", ROLE).put("StartTime", startTime)
                .put("RedriveCount", 0).set("Input", input);
        c.putObject("StateMachine").put("Id", machineArn()).put("Name", machineName);
        return c;
    }
}
