package io.jobform.emulator.sfn;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.jsonapi.Fields;
import io.jobform.emulator.jsonapi.JsonBody;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A minimal GetExecutionHistory: ExecutionStarted, ExecutionRedriven when redriven, and the
 * closing event (ExecutionSucceeded/Failed/TimedOut/Aborted). No state-level events exist
 * because nothing runs.
 */
final class ExecutionHistory {
    private ExecutionHistory() {}

    static ObjectNode get(StateMachineStore store, Fields in) {
        ObjectNode execution = store.execution(in.requiredString("executionArn"));
        StateMachineStore.Machine machine = store.machine(execution.path("stateMachineArn").asText());
        List<ObjectNode> events = new ArrayList<>();
        ObjectNode started = event(events, "ExecutionStarted", execution.get("startDate").asDouble());
        started.putObject("executionStartedEventDetails")
                .put("input", execution.path("input").asText())
                .put("roleArn", machine.body.path("roleArn").asText())
                .putObject("inputDetails").put("truncated", false);
        if (execution.has("redriveDate")) {
            event(events, "ExecutionRedriven", execution.get("redriveDate").asDouble())
                    .putObject("executionRedrivenEventDetails").put("redriveCount", execution.path("redriveCount").asInt());
        }
        String status = execution.path("status").asText();
        if (!status.equals("RUNNING")) {
            String type = switch (status) {
                case "SUCCEEDED" -> "ExecutionSucceeded";
                case "FAILED" -> "ExecutionFailed";
                case "TIMED_OUT" -> "ExecutionTimedOut";
                default -> "ExecutionAborted";
            };
            ObjectNode closed = event(events, type, execution.get("stopDate").asDouble());
            String details = Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails";
            ObjectNode d = closed.putObject(details);
            if (status.equals("SUCCEEDED")) {
                d.put("output", execution.path("output").asText());
                d.putObject("outputDetails").put("truncated", false);
            } else {
                for (String member : List.of("error", "cause")) {
                    if (execution.has(member)) {
                        d.set(member, execution.get(member));
                    }
                }
            }
        }
        if (in.bool("reverseOrder").orElse(false)) {
            Collections.reverse(events);
        }
        var page = io.jobform.emulator.jsonapi.PageTokens.page(events, e -> String.format("%010d", e.path("id").asLong()),
                in.string("nextToken"), SfnPaging.pageSize(in), SfnPaging::invalidToken);
        ObjectNode out = JsonBody.object();
        ArrayNode list = out.putArray("events");
        page.items().forEach(list::add);
        page.nextToken().ifPresent(t -> out.put("nextToken", t));
        return out;
    }

    private static ObjectNode event(List<ObjectNode> events, String type, double timestamp) {
        ObjectNode event = JsonBody.object();
        event.put("timestamp", timestamp);
        event.put("type", type);
        event.put("id", events.size() + 1);
        event.put("previousEventId", events.size());
        events.add(event);
        return event;
    }
}
