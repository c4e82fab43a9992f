package io.jobform.aws;

/** A role under the instance's path, as ListRoles returns it (no tags, no boundary). */
public record RoleListing(String name, String arn, String path) {}
