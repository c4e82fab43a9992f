package io.jobform.emulator.scheduler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.core.AwsRequest;
import io.jobform.emulator.jsonapi.Fields;
import io.jobform.emulator.jsonapi.JsonBody;

/** Query-string members read with the same checks as body members (MaxResults as an integer). */
final class QueryFields {
    private QueryFields() {}

    static Fields of(AwsRequest request) {
        ObjectNode node = JsonBody.object();
        request.query().forEach((k, v) -> {
            if (v.isEmpty()) {
                return;
            }
            if (k.equals("MaxResults")) {
                try {
                    node.put(k, Long.parseLong(v.get(0)));
                } catch (NumberFormatException e) {
                    throw SchedulerErrors.validation("Value at 'MaxResults' must be an integer");
                }
            } else {
                node.put(k, v.get(0));
            }
        });
        return new Fields(node, "", SchedulerErrors::validation);
    }
}
