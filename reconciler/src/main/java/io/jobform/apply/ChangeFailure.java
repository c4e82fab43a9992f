package io.jobform.apply;

import io.jobform.resource.ResourceId;

/** One failed change, printed as {@code Kind/name: reason}. */
public record ChangeFailure(ResourceId id, String reason) {
    public String format() {
        return id + ": " + reason;
    }
}
