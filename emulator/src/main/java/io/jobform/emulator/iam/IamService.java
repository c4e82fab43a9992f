package io.jobform.emulator.iam;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.emulator.core.AwsException;
import io.jobform.emulator.core.AwsRequest;
import io.jobform.emulator.core.AwsResponse;
import io.jobform.emulator.core.AwsService;
import io.jobform.emulator.core.Protocol;
import io.jobform.emulator.core.RoleDirectory;
import io.jobform.emulator.core.StatefulService;
import io.jobform.emulator.wire.FormBody;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.nio.charset.StandardCharsets;

/**
 * IAM roles over the query protocol (global service, signed for us-east-1). Also the
 * {@link RoleDirectory} the other services consult: a new role, or a role whose trust policy
 * changed, cannot be assumed until the configured propagation delay has passed, reproducing
 * IAM's eventual consistency.
 */
public final class IamService implements AwsService, StatefulService, RoleDirectory {
    private final String accountId;
    private final Clock clock;
    private Duration propagationDelay;
    /** Keyed by lower-case name: IAM role names are unique case-insensitively. */
    private final Map<String, IamRole> roles = new TreeMap<>();
    private long nextId = 1;

    public IamService(String accountId, Clock clock, Duration propagationDelay) {
        this.accountId = accountId;
        this.clock = clock;
        this.propagationDelay = propagationDelay;
    }

    @Override
    public String signingName() {
        return "iam";
    }

    @Override
    public Protocol protocol() {
        return Protocol.QUERY;
    }

    public synchronized void propagationDelay(Duration delay) {
        this.propagationDelay = delay;
    }

    @Override
    public String operation(AwsRequest request) {
        return form(request).get("Action").orElse("Unknown");
    }

    private static FormBody form(AwsRequest request) {
        String text = request.bodyText();
        if (text.isEmpty()) {
            StringBuilder b = new StringBuilder();
            request.query().forEach((k, vs) -> vs.forEach(v -> b.append(b.length() == 0 ? "" : "&")
                    .append(java.net.URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8))));
            text = b.toString();
        }
        return FormBody.parse(text);
    }

    @Override
    public synchronized AwsResponse handle(AwsRequest request) {
        FormBody form = form(request);
        IamInputs in = new IamInputs(form);
        String action = form.get("Action").orElse("");
        String rid = request.requestId();
        return switch (action) {
            case "CreateRole" -> IamXml.response(action, rid, x -> IamXml.role(x, "Role", createRole(in), true));
            case "GetRole" -> {
                IamRole role = roleNamed(in.roleName());
                yield IamXml.response(action, rid, x -> IamXml.role(x, "Role", role, true));
            }
            case "DeleteRole" -> {
                deleteRole(in.roleName());
                yield IamXml.response(action, rid, null);
            }
            case "ListRoles" -> listRoles(in, form, rid);
            case "UpdateAssumeRolePolicy" -> {
                IamRole role = roleNamed(in.roleName());
                String doc = PolicyDocuments.checkTrust(in.policyDocument("PolicyDocument", "policyDocument"));
                role.trustPolicy = doc;
                role.usableAt = clock.instant().plus(propagationDelay);
                yield IamXml.response(action, rid, null);
            }
            case "PutRolePolicy" -> {
                IamRole role = roleNamed(in.roleName());
                InlinePolicies.put(role, in.policyName(), in.policyDocument("PolicyDocument", "policyDocument"));
                yield IamXml.response(action, rid, null);
            }
            case "GetRolePolicy" -> {
                IamRole role = roleNamed(in.roleName());
                String name = in.policyName();
                String doc = InlinePolicies.get(role, name);
                yield IamXml.response(action, rid, x -> x.element("RoleName", role.name).element("PolicyName", name)
                        .element("PolicyDocument", PolicyDocuments.urlEncode(doc)));
            }
            case "DeleteRolePolicy" -> {
                InlinePolicies.delete(roleNamed(in.roleName()), in.policyName());
                yield IamXml.response(action, rid, null);
            }
            case "ListRolePolicies" -> listRolePolicies(in, form, rid);
            case "TagRole" -> {
                IamRole role = roleNamed(in.roleName());
                Map<String, String> tags = in.tags();
                Map<String, String> merged = new java.util.LinkedHashMap<>(role.tags);
                merged.putAll(tags);
                if (merged.size() > 50) {
                    throw new AwsException(409, "LimitExceeded", "The number of tags has reached the maximum limit.");
                }
                role.tags.putAll(tags);
                yield IamXml.response(action, rid, null);
            }
            case "UntagRole" -> {
                IamRole role = roleNamed(in.roleName());
                form.members("TagKeys").forEach(role.tags::remove);
                yield IamXml.response(action, rid, null);
            }
            case "ListRoleTags" -> {
                IamRole role = roleNamed(in.roleName());
                yield IamXml.response(action, rid, x -> {
                    IamXml.tags(x, role.tags);
                    x.element("IsTruncated", false);
                });
            }
            case "PutRolePermissionsBoundary" -> {
                IamRole role = roleNamed(in.roleName());
                role.boundaryArn = Optional.of(in.boundaryArn());
                yield IamXml.response(action, rid, null);
            }
            case "DeleteRolePermissionsBoundary" -> {
                IamRole role = roleNamed(in.roleName());
                role.boundaryArn = Optional.empty();
                yield IamXml.response(action, rid, null);
            }
            default -> throw AwsException.unknownOperation(Protocol.QUERY, action.isEmpty() ? "(none)" : action);
        };
    }

    private IamRole createRole(IamInputs in) {
        String name = in.roleName();
        String path = in.path("Path", "path");
        String trust = PolicyDocuments.checkTrust(in.policyDocument("AssumeRolePolicyDocument", "assumeRolePolicyDocument"));
        String description = in.description();
        int maxSession = in.maxSessionDuration();
        Map<String, String> tags = in.tags();
        Optional<String> boundary = in.optionalBoundaryArn();
        if (roles.containsKey(key(name))) {
            throw new AwsException(409, "EntityAlreadyExists", "Role with name " + name + " already exists.");
        }
        String id = "AROA" + String.format("%017d", nextId++);
        IamRole role = new IamRole(name, path, id, "arn:aws:iam::" + accountId + ":role" + path + name, clock.instant());
        role.trustPolicy = trust;
        role.description = description;
        role.maxSessionDuration = maxSession;
        role.boundaryArn = boundary;
        role.tags.putAll(tags);
        role.usableAt = role.created.plus(propagationDelay);
        roles.put(key(name), role);
        return role;
    }

    private void deleteRole(String name) {
        IamRole role = roleNamed(name);
        if (!role.inlinePolicies.isEmpty()) {
            throw new AwsException(409, "DeleteConflict", "Cannot delete entity, must delete policies first.");
        }
        roles.remove(key(name));
    }

    private AwsResponse listRoles(IamInputs in, FormBody form, String rid) {
        String prefix = in.path("PathPrefix", "pathPrefix");
        int maxItems = in.maxItems();
        List<IamRole> matching = roles.values().stream().filter(r -> r.path.startsWith(prefix)).toList();
        IamPage<IamRole> page = IamPage.of(matching, r -> key(r.name), form.get("Marker"), maxItems);
        return IamXml.response("ListRoles", rid, x -> {
            x.open("Roles");
            page.items().forEach(r -> IamXml.role(x, "member", r, false));
            x.close("Roles").element("IsTruncated", page.marker().isPresent());
            page.marker().ifPresent(m -> x.element("Marker", m));
        });
    }

    private AwsResponse listRolePolicies(IamInputs in, FormBody form, String rid) {
        IamRole role = roleNamed(in.roleName());
        int maxItems = in.maxItems();
        IamPage<String> page = IamPage.of(new ArrayList<>(role.inlinePolicies.keySet()), n -> n, form.get("Marker"), maxItems);
        return IamXml.response("ListRolePolicies", rid, x -> {
            x.open("PolicyNames");
            page.items().forEach(n -> x.element("member", n));
            x.close("PolicyNames").element("IsTruncated", page.marker().isPresent());
            page.marker().ifPresent(m -> x.element("Marker", m));
        });
    }

    private IamRole roleNamed(String name) {
        IamRole role = roles.get(key(name));
        if (role == null) {
            throw noSuchEntity("The role with name " + name + " cannot be found.");
        }
        return role;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static AwsException noSuchEntity(String message) {
        return new AwsException(404, "NoSuchEntity", message);
    }

    // ---- RoleDirectory

    @Override
    public synchronized Optional<RoleView> role(String roleArn) {
        return byArn(roleArn).map(r -> new RoleView(r.arn, r.name, r.path, r.trustPolicy));
    }

    @Override
    public synchronized boolean assumableBy(String roleArn, String servicePrincipal) {
        return byArn(roleArn)
                .filter(r -> !clock.instant().isBefore(r.usableAt))
                .filter(r -> PolicyDocuments.trusts(r.trustPolicy, servicePrincipal))
                .isPresent();
    }

    private Optional<IamRole> byArn(String arn) {
        return roles.values().stream().filter(r -> r.arn.equals(arn)).findFirst();
    }

    // ---- state

    @Override
    public synchronized JsonNode snapshot() {
        return IamState.write(roles.values(), nextId);
    }

    @Override
    public synchronized void restore(JsonNode state) {
        roles.clear();
        for (IamRole r : IamState.read(state)) {
            roles.put(key(r.name), r);
        }
        nextId = state.path("nextId").asLong(roles.size() + 1L);
    }
}
