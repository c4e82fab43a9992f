package io.jobform.aws;

import io.jobform.resource.OwnershipTags;
import java.util.Map;
import java.util.Optional;

/**
 * The failure message for a name that is already taken. Every generated name is
 * {@code <instance>-<job>...}, so instances whose names extend each other ({@code jobform} and
 * {@code jobform-x}) can generate the same name ({@code jobform} job {@code x-solo} and
 * {@code jobform-x} job {@code solo}); validation cannot see the other instance, the tags can.
 */
final class ForeignOwner {

    private ForeignOwner() {}

    static String describe(String instance, Map<String, String> tags) {
        Optional<String> owner = Optional.ofNullable(tags.get(OwnershipTags.INSTANCE)).filter(o -> !o.equals(instance));
        if (owner.isEmpty()) {
            return "a resource with this name exists and is not owned by instance " + instance
                    + "; rename the job or remove the other resource";
        }
        String job = Optional.ofNullable(tags.get(OwnershipTags.JOB)).map(j -> " (its job " + j + ")").orElse("");
        String other = owner.get();
        String why = other.startsWith(instance + "-") || instance.startsWith(other + "-")
                ? "; the names of instances " + instance + " and " + other + " extend each other, so their "
                        + "generated names can collide"
                : "";
        return "the name is taken by jobform instance " + other + job + why
                + "; rename this job (or the instance)";
    }
}
