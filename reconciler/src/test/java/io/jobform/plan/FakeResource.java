package io.jobform.plan;

import io.jobform.resource.DesiredResource;
import io.jobform.resource.OwnershipTags;
import io.jobform.resource.ResourceId;
import io.jobform.resource.ResourceKind;
import java.util.Map;
import java.util.Optional;

/** A desired resource with nothing but identity, hash, fields and tags: enough for the planner. */
record FakeResource(ResourceId id, String specHash, Optional<String> job, Map<String, String> fields,
        Map<String, String> tags) implements DesiredResource {

    static FakeResource of(ResourceKind kind, String job, String hash) {
        return new FakeResource(new ResourceId(kind, "jobform-" + job), hash, Optional.of(job), Map.of(), Map.of());
    }

    static FakeResource shared(ResourceKind kind, String name, String hash) {
        return new FakeResource(new ResourceId(kind, name), hash, Optional.empty(), Map.of(), Map.of());
    }

    FakeResource withFields(Map<String, String> values) {
        return new FakeResource(id, specHash, job, values, tags);
    }

    FakeResource fromManifest(String key) {
        return new FakeResource(id, specHash, job, fields, Map.of(OwnershipTags.MANIFEST, key));
    }
}
