package io.jobform.emulator.iam;

import io.jobform.emulator.core.AwsException;
import java.util.Map;
import java.util.Optional;

/** A role's inline policies: validation and IAM's aggregate size quota. */
final class InlinePolicies {
    /** Hard quota: all inline policies of one role together, whitespace not counted. */
    static final int LIMIT = 10240;

    private InlinePolicies() {}

    static void put(IamRole role, String name, String document) {
        PolicyDocuments.validate(document, PolicyDocuments.Kind.IDENTITY);
        int total = PolicyDocuments.size(document);
        for (Map.Entry<String, String> e : role.inlinePolicies.entrySet()) {
            if (!e.getKey().equals(name)) {
                total += PolicyDocuments.size(e.getValue());
            }
        }
        if (total > LIMIT) {
            throw new AwsException(409, "LimitExceeded",
                    "Maximum policy size of " + LIMIT + " bytes exceeded for role " + role.name);
        }
        role.inlinePolicies.put(name, document);
    }

    static String get(IamRole role, String name) {
        return Optional.ofNullable(role.inlinePolicies.get(name)).orElseThrow(() -> missing(name));
    }

    static void delete(IamRole role, String name) {
        if (role.inlinePolicies.remove(name) == null) {
            throw missing(name);
        }
    }

    private static AwsException missing(String name) {
        return new AwsException(404, "NoSuchEntity", "The role policy with name " + name + " cannot be found.");
    }
}
