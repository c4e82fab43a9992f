package io.jobform.emulator.core;

import java.util.Optional;

/**
 * IAM as other services see it: whether a role exists, its trust policy, and whether it can
 * already be assumed (a new role becomes usable only after the emulated propagation delay).
 */
public interface RoleDirectory {

    Optional<RoleView> role(String roleArn);

    /** False while the role is still "propagating" or its trust policy lacks the principal. */
    boolean assumableBy(String roleArn, String servicePrincipal);

    record RoleView(String arn, String name, String path, String assumeRolePolicyDocument) {}
}
