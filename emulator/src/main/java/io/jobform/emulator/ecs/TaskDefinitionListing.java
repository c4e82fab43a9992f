package io.jobform.emulator.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.jsonapi.Fields;
import io.jobform.emulator.jsonapi.JsonBody;
import io.jobform.emulator.jsonapi.PageTokens;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * ListTaskDefinitionFamilies and ListTaskDefinitions. maxResults is 1..100 (default 100);
 * ListTaskDefinitions' familyPrefix selects one whole family, its status defaults to ACTIVE
 * and sort to ASC (API_ListTaskDefinitions); a family is ACTIVE while it has an ACTIVE
 * revision, INACTIVE when all its revisions are INACTIVE (API_ListTaskDefinitionFamilies).
 */
final class TaskDefinitionListing {
    private TaskDefinitionListing() {}

    static ObjectNode families(TaskDefinitionStore store, Fields in) {
        String prefix = in.string("familyPrefix").orElse("");
        String status = in.enumValue("status", List.of("ACTIVE", "INACTIVE", "ALL")).orElse("ACTIVE");
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, List<TaskDefinitionStore.Revision>> e : store.byFamily().entrySet()) {
            boolean active = e.getValue().stream().anyMatch(r -> r.status().equals("ACTIVE"));
            boolean inactive = !active && e.getValue().stream().anyMatch(r -> r.status().equals("INACTIVE"));
            boolean matches = switch (status) {
                case "ACTIVE" -> active;
                case "INACTIVE" -> inactive;
                default -> active || inactive;
            };
            if (matches && e.getKey().startsWith(prefix)) {
                names.add(e.getKey());
            }
        }
        PageTokens.Page<String> page = PageTokens.page(names, n -> n, in.string("nextToken"), pageSize(in),
                EcsErrors::invalidParameter);
        ObjectNode out = JsonBody.object();
        ArrayNode families = out.putArray("families");
        page.items().forEach(families::add);
        page.nextToken().ifPresent(t -> out.put("nextToken", t));
        return out;
    }

    static ObjectNode definitions(TaskDefinitionStore store, Fields in) {
        String family = in.string("familyPrefix").orElse(null);
        String status = in.enumValue("status", List.of("ACTIVE", "INACTIVE", "DELETE_IN_PROGRESS")).orElse("ACTIVE");
        boolean descending = in.enumValue("sort", List.of("ASC", "DESC")).orElse("ASC").equals("DESC");
        List<TaskDefinitionStore.Revision> matching = new ArrayList<>(store.all().stream()
                .filter(r -> r.status().equals(status))
                .filter(r -> family == null || r.family().equals(family))
                .toList());
        if (descending) {
            Collections.reverse(matching);
        }
        PageTokens.Page<TaskDefinitionStore.Revision> page = PageTokens.page(matching,
                r -> r.family() + ":" + String.format("%010d", r.revision()), in.string("nextToken"), pageSize(in),
                EcsErrors::invalidParameter);
        ObjectNode out = JsonBody.object();
        ArrayNode arns = out.putArray("taskDefinitionArns");
        page.items().forEach(r -> arns.add(r.arn()));
        page.nextToken().ifPresent(t -> out.put("nextToken", t));
        return out;
    }

    private static int pageSize(Fields in) {
        return in.integer("maxResults").map(n -> {
            if (n < 1 || n > 100) {
                throw EcsErrors.invalidParameter("maxResults must be between 1 and 100.");
            }
            return n.intValue();
        }).orElse(100);
    }
}
