package io.jobform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The reconciler role in deploy/template.yaml grants exactly what the AWS adapters call: an
 * action an adapter needs but the role lacks fails a reconcile in production; an action the
 * role grants but nothing calls is privilege nobody needs.
 */
class ActionCoverageTest {

    static final Path ADAPTERS = Path.of("src", "main", "java", "io", "jobform", "aws");

    /**
     * Adapters the Lambda never runs: they act with the CLI user's credentials instead (sync; the
     * operate commands' {@link OperatorPolicyTest#OPERATOR_ADAPTERS}, granted by the template's
     * OperatorPolicy).
     */
    static final Set<String> CLI_ONLY_ADAPTERS = Set.of("SyncTarget.java", "ExecutionClient.java",
            "LogEventsClient.java", "LiveReads.java");

    /** Calls an adapter makes only outside the Lambda, by file; each with the reason. */
    static final Map<String, Set<String>> LOCAL_ONLY_CALLS = Map.of(
            // createBucketIfMissing runs only in the CLI's --local mode, against the emulator.
            "ObjectStore.java", Set.of("s3:CreateBucket"),
            // deleteGroup runs only in jobform destroy, with the operator's credentials
            // (deploy/README.md lists them): the Lambda never deletes the schedule group.
            "ScheduleClient.java", Set.of("scheduler:DeleteScheduleGroup"),
            // rolesByArn likewise: destroy looks for kept state machines still using the instance's roles
            // (ListStateMachines itself is also how every reconcile observes the state machines).
            "StateMachineClient.java", Set.of("states:DescribeStateMachine"));

    /** Statements for the Lambda runtime itself (logs, SQS polling), not for adapter calls. */
    static final String RUNTIME_SID_PREFIX = "Runtime";

    static Map<String, String> adapterSources() {
        Map<String, String> sources = new TreeMap<>();
        if (!Files.isDirectory(ADAPTERS)) {
            return sources;
        }
        try (Stream<Path> files = Files.walk(ADAPTERS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (!CLI_ONLY_ADAPTERS.contains(file.getFileName().toString())) {
                    sources.put(ADAPTERS.relativize(file).toString(), Files.readString(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    static Set<String> grantedToReconciler() {
        String text = TemplateTest.read(TemplateTest.TEMPLATE);
        Map<String, Object> template = CloudFormationYaml.load(text);
        Set<String> granted = new TreeSet<>();
        IamStatements.of(template, TemplateTest.BOUNDARIES).stream()
                .filter(s -> s.resource().equals("ReconcilerRole") && !s.trust() && s.allows())
                .filter(s -> !s.sid().startsWith(RUNTIME_SID_PREFIX))
                .forEach(s -> granted.addAll(s.actions()));
        return granted;
    }

    @Test
    void derivesCalledOperationsAndTheirDependentActionsFromSource() throws IOException {
        String source;
        try (InputStream in = getClass().getResourceAsStream("sample-adapter.java.txt")) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(AdapterActions.services(source)).containsExactly("ecs", "states");
        assertThat(AdapterActions.actions(source)).containsExactly(
                "ecs:RegisterTaskDefinition", "ecs:TagResource", "iam:PassRole", "states:ListStateMachines");
    }

    @Test
    void s3OperationsMapToTheirIamActionNames() {
        String source = "import software.amazon.awssdk.services.s3.S3Client;\n"
                + "s3.listObjectsV2Paginator(r); s3.headObject(r); s3.putObject(r, body); s3.getObjectAsBytes(b -> b.key(k));";
        assertThat(AdapterActions.actions(source)).containsExactly("s3:GetObject", "s3:ListBucket", "s3:PutObject");
        assertThat(AdapterActions.actions("import software.amazon.awssdk.services.s3.S3Client;\n"
                + "s3.getObjectAsBytes(b -> b.key(k));")).containsExactly("s3:GetObject");
    }

    /**
     * One test per service the role grants: missing and unused actions. A service for which no
     * adapter exists in this source tree yet is skipped (reported as such), not passed.
     */
    @TestFactory
    Stream<DynamicTest> reconcilerRoleMatchesTheAdapterCalls() {
        Map<String, String> sources = adapterSources();
        Set<String> called = new TreeSet<>();
        Set<String> servicesWithAdapters = new TreeSet<>();
        sources.forEach((file, s) -> {
            Set<String> actions = AdapterActions.actions(s);
            actions.removeAll(LOCAL_ONLY_CALLS.getOrDefault(Path.of(file).getFileName().toString(), Set.of()));
            called.addAll(actions);
            servicesWithAdapters.addAll(AdapterActions.services(s));
        });
        Set<String> granted = grantedToReconciler();
        Set<String> prefixes = new TreeSet<>();
        granted.forEach(a -> prefixes.add(a.substring(0, a.indexOf(':'))));
        called.forEach(a -> prefixes.add(a.substring(0, a.indexOf(':'))));
        return prefixes.stream().map(prefix -> DynamicTest.dynamicTest(prefix, () -> {
            Set<String> missing = only(prefix, called);
            missing.removeAll(granted);
            assertThat(missing).as("actions the adapters call but the reconciler role lacks").isEmpty();
            // iam:PassRole is needed by ecs/states/scheduler adapters, not by an iam adapter.
            boolean derivable = servicesWithAdapters.contains(prefix)
                    || called.stream().anyMatch(a -> a.startsWith(prefix + ":"));
            Assumptions.assumeTrue(derivable, "no adapter for " + prefix + " in io.jobform.aws yet: unused grants not checked");
            Set<String> unused = only(prefix, granted);
            unused.removeAll(called);
            assertThat(unused).as("actions the reconciler role grants but no adapter calls").isEmpty();
        }));
    }

    private static Set<String> only(String prefix, Set<String> actions) {
        Set<String> result = new TreeSet<>();
        actions.stream().filter(a -> a.startsWith(prefix + ":")).forEach(result::add);
        return result;
    }

    @Test
    void runtimeStatementsCoverOnlyLogsAndTheEventQueue() {
        Map<String, Object> template = CloudFormationYaml.load(TemplateTest.read(TemplateTest.TEMPLATE));
        List<String> runtime = IamStatements.of(template, TemplateTest.BOUNDARIES).stream()
                .filter(s -> s.resource().equals("ReconcilerRole") && s.sid().startsWith(RUNTIME_SID_PREFIX))
                .flatMap(s -> s.actions().stream()).toList();
        assertThat(runtime).containsExactlyInAnyOrder("logs:CreateLogStream", "logs:PutLogEvents",
                "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes");
    }
}
