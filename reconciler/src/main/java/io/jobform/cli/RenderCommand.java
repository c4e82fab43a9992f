package io.jobform.cli;

import io.jobform.config.InstanceConfig;
import io.jobform.manifest.Network;
import io.jobform.manifest.ScheduledJob;
import io.jobform.manifest.Violation;
import io.jobform.manifest.YamlLimits;
import io.jobform.render.RenderResult;
import io.jobform.render.Renderer;
import io.jobform.validate.ValidationReport;
import io.jobform.validate.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jobform render}: prints the exact requests apply would send (task definition, state
 * machine with its ASL, schedule, roles and policies) with their spec hashes. Touches nothing.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Prints the AWS resources the manifests become, as the exact request bodies with their "
                + "spec-hash. Exit 0 rendered, 3 invalid manifests, 2 usage error.")
public final class RenderCommand implements Callable<Integer> {

    private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-[a-z]+)+-\\d$");

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH",
            description = "Manifest files or directories (recursive, *.yaml and *.yml). Default: manifests/")
    List<Path> paths = List.of();

    @Option(names = "--job", paramLabel = "NAME", description = "Only this job's resources (shared ones are always shown).")
    Optional<String> job = Optional.empty();

    @Option(names = {"-o", "--output", "--format"}, defaultValue = "json", description = "json or yaml (--format: the old name).")
    RenderOutput.Format format;

    @Option(names = "--instance", description = "Instance name (default: $JOBFORM_INSTANCE or jobform).")
    Optional<String> instance = Optional.empty();

    // The same option names and JOBFORM_* variables as plan and apply (docs/configuration.md);
    // --account and --permissions-boundary are the old names.
    @Option(names = {"--account-id", "--account"}, description = "AWS account ID in ARNs (default: "
            + "$JOBFORM_ACCOUNT_ID or 123456789012).")
    Optional<String> account = Optional.empty();

    @Option(names = "--region", description = "AWS region in ARNs (default: $JOBFORM_REGION, $AWS_REGION or us-east-1).")
    Optional<String> region = Optional.empty();

    // No default cluster, as for plan and apply: a job that ends up with none is the render error apply reports.
    @Mixin
    FallbackOptions fallback = new FallbackOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String instanceName = pick(instance, "JOBFORM_INSTANCE", InstanceConfig.DEFAULT_INSTANCE);
        // Plan and apply require the account; render calls nothing, so it fills in apply --local's.
        String accountId = pick(account, "JOBFORM_ACCOUNT_ID", Settings.LOCAL_ACCOUNT);
        String regionName = pick(region.or(() -> env("JOBFORM_REGION")), "AWS_REGION", "us-east-1");
        String clusterName = fallback.cluster(System.getenv());
        Optional<String> boundaryArn = fallback.boundaryArn(System.getenv());
        Optional<Network> network;
        try {
            network = fallback.network(System.getenv());
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        Optional<String> problem = InstanceConfig.nameProblem(instance.isPresent() ? "--instance" : "JOBFORM_INSTANCE",
                instanceName).or(() -> InstanceConfig.accountProblem(account.isPresent() ? "--account-id"
                        : "JOBFORM_ACCOUNT_ID", accountId));
        if (problem.isPresent()) {
            return usage(err, problem.get());
        }
        if (!REGION.matcher(regionName).matches()) {
            return usage(err, "region '" + regionName + "' is not an AWS region name");
        }
        List<Path> targets = paths.isEmpty() ? List.of(Path.of("manifests")) : paths;
        for (Path target : targets) {
            if (!Files.exists(target)) {
                return usage(err, target + ": no such file or directory");
            }
        }
        ManifestFiles.Local local = ManifestFiles.read(targets, YamlLimits.DEFAULT.maxBytes());
        ValidationReport report = new Validator().validate(local.files(), instanceName, Instant.now(), local.keys());
        report.violations().forEach(v -> err.println(v.format()));
        if (!report.valid()) {
            err.println("jobform render: " + report.errorCount() + " error(s); nothing rendered");
            err.flush();
            return ExitCodes.INVALID_MANIFESTS;
        }
        if (job.isPresent() && report.jobs().stream().map(ScheduledJob::name).noneMatch(job.get()::equals)) {
            return usage(err, "ScheduledJob/" + job.get() + ": no such job in " + targets);
        }
        InstanceConfig config = new InstanceConfig(instanceName, partition(regionName), regionName, accountId,
                clusterName, network, boundaryArn);
        RenderResult result = Renderer.render(report.jobs(), config);
        result.violations().forEach(v -> err.println(v.format()));
        err.flush();
        if (result.violations().stream().anyMatch(Violation::isError)) {
            return ExitCodes.INVALID_MANIFESTS;
        }
        out.print(RenderOutput.format(result.desired(), job, format));
        out.flush();
        return ExitCodes.OK;
    }

    /** ARNs carry the partition: the China and GovCloud regions have their own. */
    static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    private static String pick(Optional<String> option, String env, String fallback) {
        return option.or(() -> Optional.ofNullable(System.getenv(env))).filter(s -> !s.isBlank()).orElse(fallback);
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }

    private static int usage(PrintWriter err, String message) {
        err.println("jobform render: " + message);
        err.flush();
        return ExitCodes.USAGE;
    }
}
