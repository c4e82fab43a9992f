package io.jobform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobform.lambda.CoalescedInvocation;
import io.jobform.lambda.Coalescer;
import io.jobform.lambda.EventParser;
import io.jobform.lambda.HandlerConfig;
import io.jobform.lambda.JobformHandler;
import io.jobform.lambda.ManifestScope;
import io.jobform.lambda.ReconcileRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** deploy/template.yaml: parses, references resolve, IAM is well-formed, the handler contract matches. */
class TemplateTest {

    static final Path TEMPLATE = Path.of("..", "deploy", "template.yaml");
    static final Set<String> BOUNDARIES = Set.of("TaskPermissionsBoundary");

    final String text = read(TEMPLATE);
    final Map<String, Object> template = CloudFormationYaml.load(text);

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            current = ((Map<String, Object>) current).get(key);
        }
        return (Map<String, Object>) current;
    }

    Map<String, Object> properties(String resource) {
        return map(template, "Resources", resource, "Properties");
    }

    @Test
    void shortFormTagsBecomeIntrinsicFunctions() {
        assertThat(properties("ReconcilerFunction").get("Role"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("ReconcilerRole", "Arn")));
        assertThat(properties("EventSourceMapping").get("FunctionName")).isEqualTo(Map.of("Ref", "ReconcilerAlias"));
        assertThat(map(template, "Resources")).allSatisfy((name, resource) ->
                assertThat(((Map<?, ?>) resource).get("Type")).as(name).asString().startsWith("AWS::"));
    }

    @Test
    void everyReferenceResolves() {
        assertThat(new TemplateReferences(template).unresolved(template)).isEmpty();
    }

    @Test
    void unresolvedReferencesAreFound() {
        Map<String, Object> broken = CloudFormationYaml.load(String.join("\n",
                "Parameters: {Known: {Type: String}}",
                "Conditions: {IsSet: !Not [!Equals [!Ref Known, '']]}",
                "Resources:",
                "  A:",
                "    Type: AWS::SQS::Queue",
                "    DependsOn: Ghost",
                "    Properties:",
                "      QueueName: !Sub '${Known}-${Missing}-${AWS::Region}-${!Literal}'",
                "      Other: !GetAtt Nowhere.Arn",
                "      Third: !If [NoSuchCondition, !Ref A, !Ref AWS::NoValue]",
                "      Fourth: !Sub ['${X}-${A.Arn}', {X: !Ref Unknown}]"));
        assertThat(new TemplateReferences(broken).unresolved(broken)).hasSize(5)
                .anySatisfy(p -> assertThat(p).startsWith("Sub ${Missing}"))
                .anySatisfy(p -> assertThat(p).startsWith("GetAtt [Nowhere, Arn]"))
                .anySatisfy(p -> assertThat(p).startsWith("If [NoSuchCondition"))
                .anySatisfy(p -> assertThat(p).startsWith("DependsOn Ghost"))
                .anySatisfy(p -> assertThat(p).startsWith("Ref Unknown"));
    }

    @Test
    void iamStatementsAreWellFormed() {
        List<IamStatements.Statement> statements = IamStatements.of(template, BOUNDARIES);
        assertThat(statements).hasSizeGreaterThan(20);
        assertThat(statements.stream().flatMap(s -> IamStatements.lint(s, text).stream())).isEmpty();
    }

    @Test
    void lintRejectsWildcardsAndUnexplainedStarResources() {
        Map<String, Object> bad = CloudFormationYaml.load(String.join("\n",
                "Resources:",
                "  P:",
                "    Type: AWS::IAM::ManagedPolicy",
                "    Properties:",
                "      PolicyDocument:",
                "        Statement:",
                "          - Sid: Everything",
                "            Effect: Allow",
                "            Action: '*'",
                "            Resource: '*'",
                "          # Resource \"*\": ListRoles supports no resource-level permissions.",
                "          - Sid: ScopedActionOnStar",
                "            Effect: Allow",
                "            Action: [iam:ListRoles, s3:GetObject]",
                "            Resource: '*'",
                "          - Sid: NoResource",
                "            Effect: Maybe",
                "            Action: s3:GetObject"));
        String badText = "          - Sid: Everything\n          - Sid: ScopedActionOnStar\n";
        List<String> problems = IamStatements.of(bad, Set.of()).stream()
                .flatMap(s -> IamStatements.lint(s, badText).stream()).toList();
        assertThat(problems)
                .anySatisfy(p -> assertThat(p).contains("Everything", "action '*'"))
                .anySatisfy(p -> assertThat(p).contains("ScopedActionOnStar", "s3:GetObject supports resource-level"))
                .anySatisfy(p -> assertThat(p).contains("NoResource", "Effect must be Allow or Deny"))
                .anySatisfy(p -> assertThat(p).contains("NoResource", "no Resource"))
                .noneSatisfy(p -> assertThat(p).contains("iam:ListRoles"));
    }

    @Test
    void roleCreationRequiresTheInstanceBoundary() {
        IamStatements.Statement write = IamStatements.of(template, BOUNDARIES).stream()
                .filter(s -> s.sid().equals("RolesWriteOnlyWithBoundary")).findFirst().orElseThrow();
        assertThat(write.actions()).contains("iam:CreateRole", "iam:PutRolePolicy", "iam:PutRolePermissionsBoundary");
        assertThat(map(write.body(), "Condition", "StringEquals").get("iam:PermissionsBoundary"))
                .isEqualTo(Map.of("Ref", "TaskPermissionsBoundary"));
        assertThat(write.resources()).isEmpty(); // a !Sub, checked below as text
        assertThat(String.valueOf(write.body().get("Resource"))).contains(":role/jobform/${InstanceName}/*");
        assertThat(IamStatements.of(template, BOUNDARIES)).noneSatisfy(s -> {
            assertThat(s.allows()).isTrue();
            assertThat(s.actions()).contains("iam:DeleteRolePermissionsBoundary");
        });
    }

    @Test
    void theBoundaryLetsJobsOnlyReadTheManifestBucket() {
        IamStatements.Statement deny = IamStatements.of(template, BOUNDARIES).stream()
                .filter(s -> s.sid().equals("DenyManifestBucketChanges")).findFirst().orElseThrow();
        assertThat(deny.body().get("Effect")).isEqualTo("Deny");
        List<String> reads = IamStatements.strings(deny.body().get("NotAction"));
        assertThat(String.valueOf(deny.body().get("Resource")))
                .contains("${InstanceName}-manifests-${AWS::AccountId}-${AWS::Region}}")
                .contains("${InstanceName}-manifests-${AWS::AccountId}-${AWS::Region}/*");
        // Every write, delete and reconfiguration is outside the NotAction list, so denied.
        for (String action : List.of("s3:PutObject", "s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutBucketPolicy",
                "s3:DeleteBucketPolicy", "s3:PutLifecycleConfiguration", "s3:PutBucketVersioning", "s3:PutBucketAcl",
                "s3:PutObjectAcl", "s3:PutEncryptionConfiguration", "s3:PutBucketNotification", "s3:DeleteBucket",
                "s3:PutBucketPublicAccessBlock", "s3:PutReplicationConfiguration", "s3:RestoreObject")) {
            assertThat(reads).as(action).noneMatch(r -> action.matches(r.replace("*", ".*")));
        }
        assertThat(reads).allMatch(r -> r.startsWith("s3:Get") || r.startsWith("s3:List"));
    }

    @Test
    void bucketIsVersionedEncryptedPrivateAndTlsOnly() {
        Map<String, Object> bucket = properties("ManifestBucket");
        assertThat(map(bucket, "VersioningConfiguration").get("Status")).isEqualTo("Enabled");
        assertThat(bucket).containsKey("BucketEncryption");
        assertThat(map(bucket, "PublicAccessBlockConfiguration").values()).containsOnly(true).hasSize(4);
        assertThat(text).contains("\"aws:SecureTransport\": \"false\"");
    }

    @Test
    void queueFeedsTheAliasWithBatchingAndPartialFailures() {
        Map<String, Object> mapping = properties("EventSourceMapping");
        assertThat(mapping.get("FunctionResponseTypes")).isEqualTo(List.of("ReportBatchItemFailures"));
        assertThat((Integer) mapping.get("MaximumBatchingWindowInSeconds")).isPositive();
        assertThat(map(properties("EventQueue"), "RedrivePolicy").get("deadLetterTargetArn"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("EventDeadLetterQueue", "Arn")));
    }

    @Test
    void functionRunsTheHandlerWithSnapStartOneAtATime() {
        Map<String, Object> function = properties("ReconcilerFunction");
        assertThat(function.get("Handler")).isEqualTo(JobformHandler.class.getName() + "::handleRequest");
        // Java runtimes Lambda still creates functions with (Lambda runtimes page: java17 blocked
        // for creation since 2026-07-31), each able to run the release-17 jar; cfn-lint in .ci/run
        // checks the deprecation dates themselves.
        assertThat(function.get("Runtime")).isIn("java21", "java25");
        assertThat(function.get("Timeout")).isEqualTo(900);
        assertThat(function.get("ReservedConcurrentExecutions")).isEqualTo(1);
        assertThat(map(function, "SnapStart").get("ApplyOn")).isEqualTo("PublishedVersions");
        assertThat(properties("ReconcilerAlias").get("FunctionVersion"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("ReconcilerVersion", "Version")));
    }

    @Test
    void functionEnvironmentIsAUsableHandlerConfiguration() {
        Map<String, Object> variables = map(properties("ReconcilerFunction"), "Environment", "Variables");
        Map<String, String> env = new HashMap<>();
        variables.forEach((name, value) -> env.put(name, value instanceof String s ? s : "123456789012"));
        env.put("JOBFORM_INSTANCE", "jobform");
        env.put("AWS_REGION", "us-east-1"); // set by the Lambda runtime itself
        env.put("JOBFORM_MAX_DELETIONS", "10"); // the MaxDeletions parameter's default
        assertThat(variables.get("JOBFORM_MAX_DELETIONS")).isEqualTo(Map.of("Ref", "MaxDeletions"));
        assertThat(HandlerConfig.fromEnvironment(env).problems()).isEmpty();
    }

    @Test
    void theDeletionLimitParameterTakesExactlyTheRangeTheFunctionAccepts() {
        @SuppressWarnings("unchecked")
        Map<String, Object> parameter = (Map<String, Object>) ((Map<String, Object>) template.get("Parameters"))
                .get("MaxDeletions");
        assertThat(parameter.get("Type")).isEqualTo("Number");
        assertThat(((Number) parameter.get("MinValue")).intValue()).isEqualTo(io.jobform.config.WholeNumber.MAX_DELETIONS.min());
        assertThat(((Number) parameter.get("MaxValue")).intValue()).isEqualTo(io.jobform.config.WholeNumber.MAX_DELETIONS.max());
        assertThat(((Number) parameter.get("Default")).intValue()).isEqualTo(io.jobform.plan.PlanPolicy.DEFAULT_MAX_DELETIONS);
    }

    @Test
    void resyncScheduleInputIsUnderstoodAsAResync() throws IOException {
        Map<String, Object> schedule = properties("ResyncSchedule");
        assertThat(schedule.get("ScheduleExpression")).isEqualTo("rate(10 minutes)");
        String input = (String) map(schedule, "Target").get("Input");
        ObjectMapper json = new ObjectMapper();
        CoalescedInvocation coalesced = new Coalescer(new ManifestScope("b", "manifests/"))
                .coalesce(new EventParser(json).parse(json.readTree(input)));
        assertThat(coalesced.request()).map(ReconcileRequest::resync).contains(true);
    }
}
