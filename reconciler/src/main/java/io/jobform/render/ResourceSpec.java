package io.jobform.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.resource.DesiredResource;
import io.jobform.resource.OwnershipTags;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rendered resource: one immutable record per AWS resource kind, carrying exactly the request
 * content the AWS adapter sends. Field names follow the AWS API member names.
 */
public sealed interface ResourceSpec extends DesiredResource
        permits ScheduleGroupSpec, RoleSpec, TaskDefinitionSpec, StateMachineSpec, ScheduleSpec {

    /** Labels and ownership tags without {@code jobform.io/spec-hash} (it cannot hash itself). */
    Map<String, String> baseTags();

    /** The request body with the given tags, in the AWS API's own member names. */
    JsonNode body(Map<String, String> tags);

    /** The exact request body the adapter sends, spec-hash tag included where taggable. */
    default JsonNode request() {
        return body(tags());
    }

    @Override
    default String specHash() {
        return CanonicalJson.hash(body(baseTags()));
    }

    @Override
    default Map<String, String> tags() {
        Map<String, String> tags = new TreeMap<>(baseTags());
        tags.put(OwnershipTags.SPEC_HASH, specHash());
        return Map.copyOf(tags);
    }
}
