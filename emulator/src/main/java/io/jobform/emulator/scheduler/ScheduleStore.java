package io.jobform.emulator.scheduler;

import io.jobform.emulator.core.RegionalStores;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.jsonapi.JsonBody;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The schedule groups and schedules of one account and region. The group "default" always
 * exists and cannot be deleted; deleting another group deletes its schedules.
 */
final class ScheduleStore implements RegionalStores.Store {
    static final String DEFAULT_GROUP = "default";

    static final class Group {
        final String name;
        final String arn;
        final double created;
        double modified;
        final Map<String, String> tags = new LinkedHashMap<>();
        /** Schedule name to the body GetSchedule returns. */
        final TreeMap<String, ObjectNode> schedules = new TreeMap<>();

        Group(String name, String arn, double created) {
            this.name = name;
            this.arn = arn;
            this.created = created;
            this.modified = created;
        }
    }

    private final String region;
    private final String accountId;
    private final TreeMap<String, Group> groups = new TreeMap<>();

    ScheduleStore(String region, String accountId, Instant now) {
        this.region = region;
        this.accountId = accountId;
        createGroup(DEFAULT_GROUP, now);
    }

    String groupArn(String name) {
        return "arn:aws:scheduler:" + region + ":" + accountId + ":schedule-group/" + name;
    }

    String scheduleArn(String group, String name) {
        return "arn:aws:scheduler:" + region + ":" + accountId + ":schedule/" + group + "/" + name;
    }

    Group createGroup(String name, Instant now) {
        Group group = new Group(name, groupArn(name), JsonBody.epochSeconds(now));
        groups.put(name, group);
        return group;
    }

    Optional<Group> group(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    Optional<Group> groupByArn(String arn) {
        return groups.values().stream().filter(g -> g.arn.equals(arn)).findFirst();
    }

    void deleteGroup(String name) {
        groups.remove(name);
    }

    Map<String, Group> groups() {
        return groups;
    }

    @Override
    public JsonNode snapshot() {
        ObjectNode out = JsonBody.object();
        groups.values().forEach(g -> {
            ObjectNode group = out.putObject(g.name);
            group.put("created", g.created);
            group.put("modified", g.modified);
            group.set("tags", JsonBody.mapper().valueToTree(g.tags));
            ObjectNode schedules = group.putObject("schedules");
            g.schedules.forEach(schedules::set);
        });
        return out;
    }

    @Override
    public void restore(JsonNode snapshot) {
        groups.clear();
        snapshot.fields().forEachRemaining(e -> {
            JsonNode g = e.getValue();
            Group group = new Group(e.getKey(), groupArn(e.getKey()), g.path("created").asDouble());
            group.modified = g.path("modified").asDouble();
            g.path("tags").fields().forEachRemaining(t -> group.tags.put(t.getKey(), t.getValue().asText()));
            g.path("schedules").fields().forEachRemaining(s -> group.schedules.put(s.getKey(), (ObjectNode) s.getValue().deepCopy()));
            groups.put(group.name, group);
        });
    }
}
