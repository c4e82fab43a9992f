package io.jobform.emulator.scheduler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.core.AwsRequest;
import io.jobform.emulator.core.EmulatorContext;
import io.jobform.emulator.jsonapi.Fields;
import io.jobform.emulator.jsonapi.JsonBody;
import io.jobform.emulator.jsonapi.PageTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Create, Get, Update, Delete and ListSchedules (EventBridge Scheduler API reference). */
final class ScheduleOperations {
    private final ScheduleStore store;
    private final EmulatorContext context;

    ScheduleOperations(ScheduleStore store, EmulatorContext context) {
        this.store = store;
        this.context = context;
    }

    ObjectNode create(String name, Fields in) {
        checkName(name);
        ScheduleStore.Group group = group(in.string("GroupName", 1, 64, ScheduleRules.NAME));
        ObjectNode body = ScheduleRules.validate(in, context.roles(), context.clock().instant());
        if (group.schedules.containsKey(name)) {
            throw SchedulerErrors.conflict("Schedule " + name + " already exists.");
        }
        double now = JsonBody.epochSeconds(context.clock().instant());
        ObjectNode stored = JsonBody.object();
        stored.put("Arn", store.scheduleArn(group.name, name));
        stored.put("Name", name);
        stored.put("GroupName", group.name);
        stored.put("CreationDate", now);
        stored.put("LastModificationDate", now);
        stored.setAll(body);
        group.schedules.put(name, stored);
        return arn(stored);
    }

    /** Every field is replaced: omitted optional members go back to their defaults. */
    ObjectNode update(String name, Fields in) {
        checkName(name);
        ScheduleStore.Group group = group(in.string("GroupName", 1, 64, ScheduleRules.NAME));
        ObjectNode existing = existing(group, name);
        ObjectNode body = ScheduleRules.validate(in, context.roles(), context.clock().instant());
        ObjectNode stored = JsonBody.object();
        for (String kept : List.of("Arn", "Name", "GroupName", "CreationDate")) {
            stored.set(kept, existing.get(kept));
        }
        stored.put("LastModificationDate", JsonBody.epochSeconds(context.clock().instant()));
        stored.setAll(body);
        group.schedules.put(name, stored);
        return arn(stored);
    }

    ObjectNode get(String name, Optional<String> groupName) {
        checkName(name);
        return existing(group(groupName), name).deepCopy();
    }

    ObjectNode delete(String name, Optional<String> groupName) {
        checkName(name);
        ScheduleStore.Group group = group(groupName);
        existing(group, name);
        group.schedules.remove(name);
        return JsonBody.object();
    }

    ObjectNode list(AwsRequest request) {
        Fields query = QueryFields.of(request);
        Optional<String> groupName = query.string("ScheduleGroup", 1, 64, ScheduleRules.NAME);
        String prefix = query.string("NamePrefix", 1, 64, ScheduleRules.NAME).orElse("");
        Optional<String> state = query.enumValue("State", List.of("ENABLED", "DISABLED"));
        int max = query.integer("MaxResults", 1, 100).orElse(100L).intValue();
        if (groupName.isPresent() && store.group(groupName.get()).isEmpty()) {
            throw SchedulerErrors.notFound("Schedule group " + groupName.get() + " does not exist.");
        }
        List<ObjectNode> matching = new ArrayList<>();
        store.groups().values().stream()
                .filter(g -> groupName.map(g.name::equals).orElse(true))
                .forEach(g -> g.schedules.values().stream()
                        .filter(s -> s.path("Name").asText().startsWith(prefix))
                        .filter(s -> state.map(s.path("State").asText()::equals).orElse(true))
                        .forEach(matching::add));
        PageTokens.Page<ObjectNode> page = PageTokens.page(matching,
                s -> s.path("GroupName").asText() + "/" + s.path("Name").asText(),
                query.string("NextToken", 1, 2048, null), max, SchedulerErrors::validation);
        ObjectNode out = JsonBody.object();
        ArrayNode schedules = out.putArray("Schedules");
        page.items().forEach(s -> {
            ObjectNode summary = schedules.addObject();
            for (String member : List.of("Arn", "Name", "GroupName", "State", "CreationDate", "LastModificationDate")) {
                summary.set(member, s.get(member));
            }
            summary.putObject("Target").set("Arn", s.path("Target").get("Arn"));
        });
        page.nextToken().ifPresent(t -> out.put("NextToken", t));
        return out;
    }

    private static void checkName(String name) {
        new Fields(JsonBody.object(), "", SchedulerErrors::validation).checked("Name", name, 1, 64, ScheduleRules.NAME);
    }

    private ScheduleStore.Group group(Optional<String> name) {
        String groupName = name.orElse(ScheduleStore.DEFAULT_GROUP);
        return store.group(groupName)
                .orElseThrow(() -> SchedulerErrors.notFound("Schedule group " + groupName + " does not exist."));
    }

    private static ObjectNode existing(ScheduleStore.Group group, String name) {
        ObjectNode found = group.schedules.get(name);
        if (found == null) {
            throw SchedulerErrors.notFound("Schedule " + name + " does not exist.");
        }
        return found;
    }

    private static ObjectNode arn(ObjectNode stored) {
        ObjectNode out = JsonBody.object();
        out.set("ScheduleArn", stored.get("Arn"));
        return out;
    }
}
