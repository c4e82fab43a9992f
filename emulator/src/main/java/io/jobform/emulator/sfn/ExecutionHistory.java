package io.jobform.emulator.sfn;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.jsonapi.Fields;
import io.jobform.emulator.jsonapi.JsonBody;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * GetExecutionHistory: the events the interpreter computed that the clock has passed
 * (ExecutionStarted, state entered/exited, task, Map and Parallel events, the closing event),
 * with ids in order, reverseOrder and paging.
 */
final class ExecutionHistory {
    private ExecutionHistory() {}

    static ObjectNode get(StateMachineStore store, Fields in, java.time.Instant now) {
        ObjectNode execution = store.execution(in.requiredString("executionArn"));
        List<ObjectNode> events = new ArrayList<>(ExecutionRunner.events(execution, now));
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
}
