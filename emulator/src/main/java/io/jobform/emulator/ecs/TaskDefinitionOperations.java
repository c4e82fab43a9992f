package io.jobform.emulator.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.jsonapi.Fields;
import io.jobform.emulator.jsonapi.JsonBody;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Register, Describe, Deregister and DeleteTaskDefinitions (ECS API reference). */
final class TaskDefinitionOperations {
    private final TaskDefinitionStore store;
    private final Clock clock;

    TaskDefinitionOperations(TaskDefinitionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    ObjectNode register(Fields in) {
        ObjectNode body = TaskDefinitionRules.validate(in);
        Map<String, String> tags = EcsTags.read(in.objects("tags"));
        EcsTags.checkCount(tags.size());
        TaskDefinitionStore.Revision created = store.register(body, tags, clock.instant());
        ObjectNode out = JsonBody.object();
        out.set("taskDefinition", created.body.deepCopy());
        out.set("tags", EcsTagOperations.render(created.tags));
        return out;
    }

    /** Unknown references answer ClientException "Unable to describe task definition." as ECS does. */
    ObjectNode describe(Fields in) {
        String reference = in.string("taskDefinition")
                .orElseThrow(() -> EcsErrors.client("TaskDefinition cannot be null or empty."));
        TaskDefinitionStore.Revision found = store.parse(reference).flatMap(store::find)
                .orElseThrow(() -> EcsErrors.client("Unable to describe task definition."));
        ObjectNode out = JsonBody.object();
        out.set("taskDefinition", found.body.deepCopy());
        if (in.strings("include").contains("TAGS")) {
            out.set("tags", EcsTagOperations.render(found.tags));
        }
        return out;
    }

    ObjectNode deregister(Fields in) {
        String reference = in.string("taskDefinition")
                .orElseThrow(() -> EcsErrors.client("TaskDefinition cannot be null or empty."));
        TaskDefinitionStore.Ref ref = store.parse(reference)
                .orElseThrow(() -> EcsErrors.client("Invalid revision number. Number: " + reference));
        if (ref.revision().isEmpty()) {
            throw EcsErrors.client("Invalid revision number. Number: " + reference);
        }
        TaskDefinitionStore.Revision found = store.find(ref)
                .filter(r -> !r.status().equals("DELETE_IN_PROGRESS"))
                .orElseThrow(() -> EcsErrors.client("The specified task definition does not exist."));
        if (found.status().equals("ACTIVE")) {
            found.body.put("status", "INACTIVE");
            found.body.put("deregisteredAt", JsonBody.epochSeconds(clock.instant()));
        }
        ObjectNode out = JsonBody.object();
        out.set("taskDefinition", found.body.deepCopy());
        return out;
    }

    /**
     * Only INACTIVE revisions can be deleted; they move to DELETE_IN_PROGRESS. Bad entries are
     * reported in {@code failures} while the others proceed (API_DeleteTaskDefinitions).
     */
    ObjectNode delete(Fields in) {
        List<String> references = in.strings("taskDefinitions");
        if (references.isEmpty() || references.size() > 10) {
            throw EcsErrors.invalidParameter("taskDefinitions must contain between 1 and 10 task definitions.");
        }
        ObjectNode out = JsonBody.object();
        ArrayNode deleted = out.putArray("taskDefinitions");
        ArrayNode failures = out.putArray("failures");
        for (String reference : references) {
            var ref = store.parse(reference).filter(r -> r.revision().isPresent());
            if (ref.isEmpty()) {
                failure(failures, reference, "The specified task definition identifier is invalid. Specify a valid name "
                        + "or ARN and try again.");
                continue;
            }
            var found = store.find(ref.get());
            if (found.isEmpty()) {
                failure(failures, reference, "The specified task definition does not exist. Specify a valid account, "
                        + "family, revision and try again.");
            } else if (found.get().status().equals("ACTIVE")) {
                failure(failures, found.get().arn(), "The specified task definition is still in ACTIVE status. Please "
                        + "deregister the target and try again.");
            } else {
                found.get().body.put("status", "DELETE_IN_PROGRESS");
                deleted.add(found.get().body.deepCopy());
            }
        }
        return out;
    }

    private static void failure(ArrayNode failures, String arn, String reason) {
        ObjectNode f = failures.addObject();
        f.put("arn", arn);
        f.put("reason", reason);
    }
}
