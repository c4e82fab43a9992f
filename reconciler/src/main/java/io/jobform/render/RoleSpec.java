package io.jobform.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.resource.ResourceId;
import io.jobform.resource.ResourceKind;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An IAM role: CreateRole (RoleName, Path, AssumeRolePolicyDocument, PermissionsBoundary,
 * Description, Tags) plus one PutRolePolicy per entry of {@code inlinePolicies} (PolicyName ->
 * PolicyDocument). jobform roles carry inline policies only, no managed policy attachments.
 *
 * @param arn the role's ARN, path included, known before creation
 * @param job the job of a task role; empty for the instance's shared roles
 */
public record RoleSpec(
        String roleName,
        String path,
        String arn,
        PolicyDocument assumeRolePolicyDocument,
        SortedMap<String, PolicyDocument> inlinePolicies,
        Optional<String> permissionsBoundary,
        String description,
        Optional<String> job,
        Map<String, String> baseTags) implements ResourceSpec {

    public RoleSpec {
        inlinePolicies = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(inlinePolicies));
        baseTags = Map.copyOf(baseTags);
    }

    @Override
    public ResourceId id() {
        return new ResourceId(ResourceKind.ROLE, roleName);
    }

    /** Policy documents appear as JSON objects here; the adapter sends {@link PolicyDocument#toJsonString()}. */
    @Override
    public JsonNode body(Map<String, String> tags) {
        ObjectNode out = CanonicalJson.object();
        out.put("RoleName", roleName);
        out.put("Path", path);
        out.set("AssumeRolePolicyDocument", assumeRolePolicyDocument.toJson());
        ObjectNode policies = out.putObject("InlinePolicies");
        inlinePolicies.forEach((name, doc) -> policies.set(name, doc.toJson()));
        permissionsBoundary.ifPresent(b -> out.put("PermissionsBoundary", b));
        out.put("Description", description);
        out.set("Tags", Tags.keyValue(tags, "Key", "Value"));
        return out;
    }
}
