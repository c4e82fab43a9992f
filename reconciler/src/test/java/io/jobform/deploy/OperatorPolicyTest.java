package io.jobform.deploy;

import io.jobform.config.StateKeys;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.iam.AccessRequest;
import io.jobform.iam.Need;
import io.jobform.iam.PolicyEvaluator;
import io.jobform.operate.JobStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The template's OperatorPolicy grants exactly what the operate commands (get, describe, history,
 * logs, run, stop, rerun, report) call, derived from their adapters' source as
 * {@link ActionCoverageTest} derives the reconciler's, and each call is allowed on this
 * instance's resources only.
 */
class OperatorPolicyTest {

    /** The adapters the operate commands build (OperateSession, ReportCommand). */
    static final List<String> OPERATOR_ADAPTERS = List.of("ExecutionClient.java", "LiveReads.java",
            "LogEventsClient.java", "StatusObjects.java");

    /** StatusObjects reads through ObjectStore: its methods and the S3 actions they call. */
    static final Map<String, List<String>> STORE_CALLS = Map.of("get", List.of("s3:GetObject"),
            "list", List.of("s3:ListBucket"), "bucket", List.of());

    /** Calls the adapters make through another adapter's method, and the actions behind them. */
    static final Map<String, List<String>> CLIENT_CALLS = Map.of("ScheduleClient.list", List.of("scheduler:ListSchedules"));

    static final String INSTANCE = EffectivePermissionsTest.INSTANCE;
    final EffectivePermissionsTest template = new EffectivePermissionsTest();

    static Set<String> operatorCalls() throws IOException {
        Set<String> actions = new TreeSet<>();
        for (String file : OPERATOR_ADAPTERS) {
            String source = Files.readString(ActionCoverageTest.ADAPTERS.resolve(file));
            actions.addAll(AdapterActions.actions(source));
            Matcher store = Pattern.compile("\\bstore\\.([a-zA-Z]+)\\(").matcher(source);
            while (store.find()) {
                assertThat(STORE_CALLS).as(file + " calls ObjectStore." + store.group(1) + ": map it to its S3 actions")
                        .containsKey(store.group(1));
                actions.addAll(STORE_CALLS.get(store.group(1)));
            }
            Matcher client = Pattern.compile("new ([A-Za-z]+Client)\\([^)]*\\)\\.([a-zA-Z]+)\\(").matcher(source);
            while (client.find()) {
                String call = client.group(1) + "." + client.group(2);
                assertThat(CLIENT_CALLS).as(file + " calls " + call + ": map it to its actions").containsKey(call);
                actions.addAll(CLIENT_CALLS.get(call));
            }
        }
        return actions;
    }

    /** One request per action, on a resource of this instance, with the context AWS sends. */
    static Map<String, List<AccessRequest>> needs(String account, String region, String bucket) {
        String regional = ":" + region + ":" + account + ":";
        String job = INSTANCE + "-nightly-report";
        String machine = "arn:aws:states" + regional + "stateMachine:" + job;
        String execution = "arn:aws:states" + regional + "execution:" + job + ":manual-1";
        Map<String, List<AccessRequest>> needs = new TreeMap<>();
        needs.put("s3:ListBucket", List.of(AccessRequest.of("s3:ListBucket", "arn:aws:s3:::" + bucket)
                .with("s3:prefix", StateKeys.of(INSTANCE).statusPrefix())));
        for (String a : List.of("DescribeStateMachine", "ListExecutions", "StartExecution")) {
            needs.put("states:" + a, List.of(AccessRequest.of("states:" + a, machine)));
        }
        for (String a : List.of("DescribeExecution", "GetExecutionHistory", "StopExecution", "RedriveExecution")) {
            needs.put("states:" + a, List.of(AccessRequest.of("states:" + a, execution)));
        }
        needs.put("scheduler:GetSchedule", List.of(AccessRequest.of("scheduler:GetSchedule",
                "arn:aws:scheduler" + regional + "schedule/" + INSTANCE + "/" + job)));
        needs.put("ecs:DescribeTaskDefinition", List.of(AccessRequest.of("ecs:DescribeTaskDefinition", "*")));
        needs.put("ecs:ListTaskDefinitions", List.of(AccessRequest.of("ecs:ListTaskDefinitions", "*")));
        needs.put("scheduler:ListSchedules", List.of(AccessRequest.of("scheduler:ListSchedules", "*")));
        needs.put("s3:GetObject", List.of(AccessRequest.of("s3:GetObject", "arn:aws:s3:::" + bucket + "/"
                + JobStatus.key(StateKeys.of(INSTANCE).statusPrefix(), "nightly-report")),
                AccessRequest.of("s3:GetObject", "arn:aws:s3:::" + bucket + "/" + StateKeys.of(INSTANCE).scheduleTimes())));
        String group = "arn:aws:logs" + regional + "log-group:/jobform/" + INSTANCE;
        needs.put("logs:GetLogEvents", List.of(AccessRequest.of("logs:GetLogEvents", group),
                AccessRequest.of("logs:GetLogEvents", group + ":log-stream:nightly-report/nightly-report/abc")));
        return needs;
    }

    @Test
    void everyOperatorCallIsAllowedOnTheInstancesResources() throws IOException {
        String bucket = INSTANCE + "-manifests-" + EffectivePermissionsTest.ACCOUNT + "-" + EffectivePermissionsTest.REGION;
        Set<String> called = operatorCalls();
        // The derivation sees every kind of call the commands make: the check is not vacuous.
        assertThat(called).contains("states:StartExecution", "states:GetExecutionHistory", "logs:GetLogEvents",
                "s3:GetObject", "s3:ListBucket", "scheduler:GetSchedule");
        Map<String, List<AccessRequest>> table = needs(EffectivePermissionsTest.ACCOUNT, EffectivePermissionsTest.REGION,
                bucket);
        assertThat(table.keySet()).as("operator calls without a modelled request").containsAll(called);
        PolicyEvaluator operator = new PolicyEvaluator(List.of(template.resolved("OperatorPolicy", "Properties",
                "PolicyDocument")), Optional.empty());
        List<Need> all = new ArrayList<>();
        called.forEach(a -> table.get(a).forEach(r -> all.add(new Need("OperatorPolicy", r, "operate commands"))));
        assertThat(EffectivePermissionsTest.missing(all, Map.of("OperatorPolicy", operator))).isEmpty();
    }

    @Test
    void grantsNothingTheCommandsDoNotCallNorOtherInstancesResources() throws IOException {
        Set<String> granted = new TreeSet<>();
        IamStatements.of(template.template, TemplateTest.BOUNDARIES).stream()
                .filter(s -> s.resource().equals("OperatorPolicy")).forEach(s -> granted.addAll(s.actions()));
        assertThat(granted).containsExactlyInAnyOrderElementsOf(operatorCalls());

        PolicyEvaluator operator = new PolicyEvaluator(List.of(template.resolved("OperatorPolicy", "Properties",
                "PolicyDocument")), Optional.empty());
        String regional = ":" + EffectivePermissionsTest.REGION + ":" + EffectivePermissionsTest.ACCOUNT + ":";
        String bucket = INSTANCE + "-manifests-" + EffectivePermissionsTest.ACCOUNT + "-" + EffectivePermissionsTest.REGION;
        for (AccessRequest foreign : List.of(
                AccessRequest.of("states:StartExecution", "arn:aws:states" + regional + "stateMachine:other-job"),
                AccessRequest.of("states:StopExecution", "arn:aws:states" + regional + "execution:other-job:x"),
                AccessRequest.of("logs:GetLogEvents", "arn:aws:logs" + regional + "log-group:/jobform/other:log-stream:x"),
                AccessRequest.of("s3:GetObject", "arn:aws:s3:::" + bucket + "/_jobform/lease.json"),
                // the inventory holds the manifests' text, env values included
                AccessRequest.of("s3:GetObject", "arn:aws:s3:::" + bucket + "/_jobform/inventory.json"),
                AccessRequest.of("s3:GetObject", "arn:aws:s3:::" + bucket + "/_jobform/applied/nightly-report.json"),
                AccessRequest.of("s3:GetObject", "arn:aws:s3:::" + bucket + "/manifests/job.yaml"),
                AccessRequest.of("s3:ListBucket", "arn:aws:s3:::" + bucket).with("s3:prefix", "manifests/"))) {
            assertThat(operator.evaluate(foreign).allowed()).as(foreign.toString()).isFalse();
        }
    }

    /** Another instance's status objects live in its own folder: the policy follows the instance name. */
    @Test
    void statusObjectsOfAnotherInstanceAreReadFromItsFolder() {
        PolicyEvaluator operator = new PolicyEvaluator(List.of(new ResolvedTemplate("team-a", "manifests/")
                .resolved("OperatorPolicy", "Properties", "PolicyDocument")), Optional.empty());
        String bucket = "arn:aws:s3:::team-a-manifests-123456789012-us-east-1";
        String folder = StateKeys.of("team-a").statusPrefix();
        assertThat(folder).isEqualTo("_jobform/instances/team-a/status/");
        assertThat(operator.evaluate(AccessRequest.of("s3:GetObject", bucket + "/" + folder + "x.json")).allowed())
                .isTrue();
        assertThat(operator.evaluate(AccessRequest.of("s3:ListBucket", bucket).with("s3:prefix", folder)).allowed())
                .isTrue();
        assertThat(operator.evaluate(AccessRequest.of("s3:GetObject", bucket + "/_jobform/status/x.json")).allowed())
                .as("the default instance's status objects").isFalse();
    }
}
