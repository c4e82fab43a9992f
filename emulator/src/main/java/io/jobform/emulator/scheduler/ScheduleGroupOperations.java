package io.jobform.emulator.scheduler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.core.AwsRequest;
import io.jobform.emulator.jsonapi.Fields;
import io.jobform.emulator.jsonapi.JsonBody;
import io.jobform.emulator.jsonapi.PageTokens;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Schedule groups and their tags. Only schedule groups can be tagged: TagResourceArn's
 * pattern admits schedule-group ARNs only (botocore scheduler/2021-06-30), so a schedule ARN
 * is a ValidationException. At most 200 tags, key 1..128, value 1..256.
 */
final class ScheduleGroupOperations {
    private static final Pattern TAG_ARN = Pattern.compile(
            "^arn:aws(-[a-z]+)?:scheduler:[a-z0-9\\-]+:\\d{12}:schedule-group\\/[0-9a-zA-Z-_.]+$");
    private static final int MAX_TAGS = 200;

    private final ScheduleStore store;
    private final Clock clock;

    ScheduleGroupOperations(ScheduleStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    ObjectNode create(String name, Fields in) {
        checkName(name);
        in.string("ClientToken", 1, 64, ScheduleRules.CLIENT_TOKEN);
        Map<String, String> tags = readTags(in);
        if (store.group(name).isPresent()) {
            throw SchedulerErrors.conflict("Schedule group " + name + " already exists.");
        }
        ScheduleStore.Group group = store.createGroup(name, clock.instant());
        group.tags.putAll(tags);
        ObjectNode out = JsonBody.object();
        out.put("ScheduleGroupArn", group.arn);
        return out;
    }

    ObjectNode get(String name) {
        checkName(name);
        return summary(existing(name));
    }

    /** Deleting a group deletes its schedules (API_DeleteScheduleGroup); "default" cannot be deleted. */
    ObjectNode delete(String name) {
        checkName(name);
        existing(name);
        if (name.equals(ScheduleStore.DEFAULT_GROUP)) {
            throw SchedulerErrors.validation("The default schedule group cannot be deleted.");
        }
        store.deleteGroup(name);
        return JsonBody.object();
    }

    ObjectNode list(AwsRequest request) {
        Fields query = QueryFields.of(request);
        String prefix = query.string("NamePrefix", 1, 64, ScheduleRules.NAME).orElse("");
        int max = query.integer("MaxResults", 1, 100).orElse(100L).intValue();
        List<ScheduleStore.Group> matching = new ArrayList<>(store.groups().values().stream()
                .filter(g -> g.name.startsWith(prefix)).toList());
        PageTokens.Page<ScheduleStore.Group> page = PageTokens.page(matching, g -> g.name,
                query.string("NextToken", 1, 2048, null), max, SchedulerErrors::validation);
        ObjectNode out = JsonBody.object();
        ArrayNode groups = out.putArray("ScheduleGroups");
        page.items().forEach(g -> groups.add(summary(g)));
        page.nextToken().ifPresent(t -> out.put("NextToken", t));
        return out;
    }

    ObjectNode tag(String arn, Fields in) {
        ScheduleStore.Group group = byArn(arn);
        if (!in.has("Tags")) {
            throw SchedulerErrors.validation(in.missing("Tags"));
        }
        Map<String, String> merged = new LinkedHashMap<>(group.tags);
        merged.putAll(readTags(in));
        if (merged.size() > MAX_TAGS) {
            throw SchedulerErrors.validation("A schedule group can have at most " + MAX_TAGS + " tags.");
        }
        group.tags.clear();
        group.tags.putAll(merged);
        return JsonBody.object();
    }

    ObjectNode untag(String arn, List<String> keys) {
        ScheduleStore.Group group = byArn(arn);
        keys.forEach(group.tags::remove);
        return JsonBody.object();
    }

    ObjectNode listTags(String arn) {
        ScheduleStore.Group group = byArn(arn);
        ObjectNode out = JsonBody.object();
        ArrayNode tags = out.putArray("Tags");
        group.tags.forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
        return out;
    }

    private Map<String, String> readTags(Fields in) {
        List<Fields> tags = in.objects("Tags");
        if (tags.size() > MAX_TAGS) {
            throw SchedulerErrors.validation("Value at 'Tags' failed to satisfy constraint: Member must have length less "
                    + "than or equal to " + MAX_TAGS);
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Fields tag : tags) {
            String key = tag.requiredString("Key", 1, 128, null);
            String value = tag.requiredString("Value", 1, 256, null);
            if (key.regionMatches(true, 0, "aws:", 0, 4)) {
                throw SchedulerErrors.validation("Tag keys beginning with 'aws:' are reserved: " + key);
            }
            result.put(key, value);
        }
        return result;
    }

    private ScheduleStore.Group byArn(String arn) {
        if (!TAG_ARN.matcher(arn).matches()) {
            throw SchedulerErrors.validation("Value '" + arn + "' at 'resourceArn' failed to satisfy constraint: Member "
                    + "must satisfy regular expression pattern: " + TAG_ARN.pattern());
        }
        return store.groupByArn(arn)
                .orElseThrow(() -> SchedulerErrors.notFound("Schedule group " + arn.substring(arn.lastIndexOf('/') + 1)
                        + " does not exist."));
    }

    private ScheduleStore.Group existing(String name) {
        return store.group(name)
                .orElseThrow(() -> SchedulerErrors.notFound("Schedule group " + name + " does not exist."));
    }

    private static void checkName(String name) {
        new Fields(JsonBody.object(), "", SchedulerErrors::validation).checked("Name", name, 1, 64, ScheduleRules.NAME);
    }

    private static ObjectNode summary(ScheduleStore.Group g) {
        ObjectNode out = JsonBody.object();
        out.put("Arn", g.arn);
        out.put("Name", g.name);
        out.put("State", "ACTIVE");
        out.put("CreationDate", g.created);
        out.put("LastModificationDate", g.modified);
        return out;
    }
}
