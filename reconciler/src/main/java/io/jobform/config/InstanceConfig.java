package io.jobform.config;

import io.jobform.manifest.Network;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One deployment of jobform. Several instances can share an account; each owns only the
 * resources named and tagged for it.
 *
 * @param instance               name prefix of everything this instance owns (default {@code jobform})
 * @param partition              {@code aws}, {@code aws-cn} or {@code aws-us-gov}
 * @param cluster                ECS cluster name used when neither job nor JobDefaults set one
 * @param network                network used when neither job nor JobDefaults set one
 * @param permissionsBoundaryArn attached to every role jobform creates, when set
 */
public record InstanceConfig(
        String instance,
        String partition,
        String region,
        String accountId,
        String cluster,
        Optional<Network> network,
        Optional<String> permissionsBoundaryArn) {

    public static final String DEFAULT_INSTANCE = "jobform";
    /** Every generated name starts with the instance name, so it is short and plain (and a folder name, see {@link StateKeys}). */
    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9-]{0,19}$");
    private static final Pattern ACCOUNT = Pattern.compile("^[0-9]{12}$");

    /** What is wrong with an instance name given as {@code setting}, if anything. */
    public static Optional<String> nameProblem(String setting, String name) {
        return NAME.matcher(name).matches() ? Optional.empty() : Optional.of(setting + ": instance name '" + name
                + "' must match ^[a-z][a-z0-9-]*$ and have at most 20 characters");
    }

    /** What is wrong with an account id given as {@code setting}, if anything. */
    public static Optional<String> accountProblem(String setting, String account) {
        return ACCOUNT.matcher(account).matches() ? Optional.empty()
                : Optional.of(setting + ": the account id must be 12 digits, not '" + account + "'");
    }
}
