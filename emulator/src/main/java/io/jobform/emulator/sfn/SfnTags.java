package io.jobform.emulator.sfn;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.jsonapi.Fields;
import io.jobform.emulator.jsonapi.JsonBody;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tags of state machines: key 1..128, value 0..256 (botocore TagKey/TagValue), at most 50 per
 * resource ("Quotas": tags per resource), above which Step Functions answers TooManyTags.
 */
final class SfnTags {
    static final int MAX_TAGS = 50;

    private SfnTags() {}

    static Map<String, String> read(List<Fields> tags) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Fields tag : tags) {
            String key = tag.requiredString("key", 1, 128, null);
            String value = tag.string("value", 0, 256, null).orElse("");
            if (key.regionMatches(true, 0, "aws:", 0, 4)) {
                throw SfnErrors.validation("Tag keys beginning with 'aws:' are reserved: " + key);
            }
            result.put(key, value);
        }
        checkCount(result.size());
        return result;
    }

    static void checkCount(int count) {
        if (count > MAX_TAGS) {
            throw SfnErrors.of("TooManyTags", "Too many tags: a resource can have at most " + MAX_TAGS + " tags");
        }
    }

    static ObjectNode tag(StateMachineStore store, Fields in) {
        StateMachineStore.Machine machine = resource(store, in);
        Map<String, String> merged = new LinkedHashMap<>(machine.tags);
        merged.putAll(read(in.objects("tags")));
        checkCount(merged.size());
        machine.tags.clear();
        machine.tags.putAll(merged);
        return JsonBody.object();
    }

    static ObjectNode untag(StateMachineStore store, Fields in) {
        StateMachineStore.Machine machine = resource(store, in);
        in.strings("tagKeys").forEach(machine.tags::remove);
        return JsonBody.object();
    }

    static ObjectNode list(StateMachineStore store, Fields in) {
        ObjectNode out = JsonBody.object();
        ArrayNode tags = out.putArray("tags");
        resource(store, in).tags.forEach((k, v) -> tags.addObject().put("key", k).put("value", v));
        return out;
    }

    /** Tag operations answer ResourceNotFound (not StateMachineDoesNotExist) for unknown ARNs. */
    private static StateMachineStore.Machine resource(StateMachineStore store, Fields in) {
        String arn = in.requiredString("resourceArn");
        SfnNames.MachineRef ref = SfnNames.machine(arn);
        return store.byName(ref.name())
                .filter(m -> m.arn().equals(arn))
                .orElseThrow(() -> SfnErrors.of("ResourceNotFound", "Resource not found: '" + arn + "'"));
    }
}
