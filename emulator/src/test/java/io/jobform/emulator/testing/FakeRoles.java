package io.jobform.emulator.testing;

import io.jobform.emulator.core.RoleDirectory;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A role directory for unit tests: roles with the service principals they trust, some still propagating. */
public final class FakeRoles implements RoleDirectory {
    private final Map<String, Set<String>> trusted = new HashMap<>();
    private final Set<String> propagating = new HashSet<>();

    public static String arn(String name) {
        return "arn:aws:iam::123456789012:role/" + name;
    }

    public FakeRoles trusting(String name, String... principals) {
        trusted.put(arn(name), Set.of(principals));
        return this;
    }

    public FakeRoles propagating(String name) {
        propagating.add(arn(name));
        return this;
    }

    public void propagated(String name) {
        propagating.remove(arn(name));
    }

    @Override
    public Optional<RoleView> role(String roleArn) {
        return trusted.containsKey(roleArn)
                ? Optional.of(new RoleView(roleArn, roleArn.substring(roleArn.lastIndexOf('/') + 1), "/", "{}"))
                : Optional.empty();
    }

    @Override
    public boolean assumableBy(String roleArn, String servicePrincipal) {
        return trusted.getOrDefault(roleArn, Set.of()).contains(servicePrincipal) && !propagating.contains(roleArn);
    }
}
