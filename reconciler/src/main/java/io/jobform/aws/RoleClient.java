package io.jobform.aws;

import io.jobform.render.RoleSpec;
import io.jobform.resource.OwnershipTags;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * IAM roles under the instance's path {@code /jobform/<instance>/}. ListRoles returns neither
 * tags nor the permissions boundary (IAM API reference, ListRoles), so a role's hash comes from
 * the inventory and, for a role the inventory does not know, from one ListRoleTags call.
 */
public final class RoleClient {
    private final IamClient iam;

    public RoleClient(IamClient iam) {
        this.iam = iam;
    }

    public List<RoleListing> list(String pathPrefix) {
        List<RoleListing> all = new ArrayList<>();
        String marker = null;
        do {
            String next = marker;
            ListRolesResponse page = iam.listRoles(b -> b.pathPrefix(pathPrefix).maxItems(1000).marker(next));
            page.roles().forEach(r -> all.add(new RoleListing(r.roleName(), r.arn(), r.path())));
            marker = Boolean.TRUE.equals(page.isTruncated()) ? page.marker() : null;
        } while (marker != null);
        return all;
    }

    public Map<String, String> tags(String roleName) {
        return tagsIfExists(roleName).orElse(Map.of());
    }

    /** The role's tags, or empty when the role is gone. */
    public java.util.Optional<Map<String, String>> tagsIfExists(String roleName) {
        try {
            return java.util.Optional.of(iam.listRoleTags(b -> b.roleName(roleName)).tags().stream()
                    .collect(Collectors.toMap(t -> t.key(), t -> t.value(), (a, b) -> b)));
        } catch (NoSuchEntityException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Creates the role without its spec-hash tag, then converges it like an update; the hash tag
     * comes last, so a crash in between leaves a role that the next reconcile updates again.
     *
     * @return false when a role of that name exists and is not this instance's
     */
    public boolean create(RoleSpec spec, String instance) {
        Map<String, String> withoutHash = new TreeMap<>(spec.tags());
        withoutHash.remove(OwnershipTags.SPEC_HASH);
        try {
            iam.createRole(b -> {
                b.roleName(spec.roleName()).path(spec.path())
                        .assumeRolePolicyDocument(spec.assumeRolePolicyDocument().toJsonString())
                        .description(spec.description())
                        .tags(tags(withoutHash));
                spec.permissionsBoundary().ifPresent(b::permissionsBoundary);
            });
        } catch (EntityAlreadyExistsException e) {
            String path = iam.getRole(b -> b.roleName(spec.roleName())).role().path();
            Map<String, String> tags = tags(spec.roleName());
            boolean ours = instance.equals(tags.get(OwnershipTags.INSTANCE))
                    || instance.equals(tags.get(OwnershipTags.KEPT_BY)); // kept, its manifest now back
            if (!spec.path().equals(path) || !ours) {
                return false;
            }
        }
        update(spec);
        return true;
    }

    /**
     * Brings the role to the spec: trust, inline policies, boundary, tags. The description is set
     * at creation only: jobform derives it from the role's name, so it never changes on its own.
     */
    public void update(RoleSpec spec) {
        String name = spec.roleName();
        iam.updateAssumeRolePolicy(b -> b.roleName(name).policyDocument(spec.assumeRolePolicyDocument().toJsonString()));
        Set<String> existing = new HashSet<>(iam.listRolePolicies(b -> b.roleName(name)).policyNames());
        spec.inlinePolicies().forEach((policy, doc) ->
                iam.putRolePolicy(b -> b.roleName(name).policyName(policy).policyDocument(doc.toJsonString())));
        existing.removeAll(spec.inlinePolicies().keySet());
        existing.forEach(policy -> iam.deleteRolePolicy(b -> b.roleName(name).policyName(policy)));
        if (spec.permissionsBoundary().isPresent()) {
            iam.putRolePermissionsBoundary(b -> b.roleName(name).permissionsBoundary(spec.permissionsBoundary().get()));
        }
        List<String> stale = StaleTags.of(tags(name), spec.tags());
        if (!stale.isEmpty()) {
            iam.untagRole(b -> b.roleName(name).tagKeys(stale)); // before the hash tag, as for state machines
        }
        iam.tagRole(b -> b.roleName(name).tags(tags(spec.tags())));
    }

    /** Deletes the inline policies, then the role; a role already gone is fine. */
    public void delete(String name) {
        try {
            for (String policy : iam.listRolePolicies(b -> b.roleName(name)).policyNames()) {
                iam.deleteRolePolicy(b -> b.roleName(name).policyName(policy));
            }
            iam.deleteRole(b -> b.roleName(name));
        } catch (NoSuchEntityException e) {
            // already gone
        }
    }

    public void disown(String name, String instance) {
        iam.tagRole(b -> b.roleName(name).tags(tags(Map.of(OwnershipTags.KEPT_BY, instance))));
        iam.untagRole(b -> b.roleName(name).tagKeys(OwnershipTags.INSTANCE, OwnershipTags.JOB,
                OwnershipTags.MANIFEST, OwnershipTags.SPEC_HASH, OwnershipTags.PRUNE));
    }

    private static List<Tag> tags(Map<String, String> tags) {
        return new TreeMap<>(tags).entrySet().stream()
                .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList();
    }
}
