package io.jobform.emulator.iam;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A role and everything attached to it; mutated only by {@link IamService} under its lock. */
final class IamRole {
    final String name;
    final String path;
    final String id;
    final String arn;
    final Instant created;
    String trustPolicy;
    String description;
    int maxSessionDuration;
    Optional<String> boundaryArn = Optional.empty();
    final Map<String, String> tags = new LinkedHashMap<>();
    final Map<String, String> inlinePolicies = new TreeMap<>();
    /** Before this instant other services cannot assume the role (emulated propagation). */
    Instant usableAt;

    IamRole(String name, String path, String id, String arn, Instant created) {
        this.name = name;
        this.path = path;
        this.id = id;
        this.arn = arn;
        this.created = created;
        this.usableAt = created;
    }
}
