package io.jobform.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

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
        try {
            return iam.listRoleTags(b -> b.roleName(roleName)).tags().stream()
                    .collect(Collectors.toMap(t -> t.key(), t -> t.value(), (a, b) -> b));
        } catch (NoSuchEntityException e) {
            return Map.of();
        }
    }
}
