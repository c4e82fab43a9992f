package io.jobform.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobform.emulator.hooks.Fault;
import io.jobform.emulator.hooks.Hooks;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AccessDeniedException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.SchedulerException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SfnException;

/** Conflict and access-denied faults, narrowed to one resource, through the SDK clients. Emulator only. */
class ErrorFaultsIT extends ComputeEndpointTestBase {
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private Hooks hooks;
    private S3Client s3;
    private String bucket;

    @BeforeEach
    void setUp() {
        hooks = emulatorOnly().hooks();
        hooks.reset();
        s3 = s3();
        bucket = unique("faults");
        s3.createBucket(b -> b.bucket(bucket));
    }

    @AfterEach
    void tearDown() {
        hooks.reset();
        s3.close();
    }

    private void put(String key) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("{}"));
    }

    private static void assertS3Error(Runnable call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        });
    }

    @Test
    void conflictOnlyForKeysMatchingTheResourcePattern() {
        hooks.failNth("s3:PutObject", bucket + "/_jobform/status/.*", 2, Fault.CONFLICT);
        put("_jobform/status/a.json");
        put("_jobform/inventory.json"); // not counted: another key
        assertS3Error(() -> put("_jobform/status/b.json"), 409, "ConditionalRequestConflict");
        put("_jobform/status/b.json"); // the Nth only: a retry goes through
        assertThat(hooks.calls("s3:PutObject")).isEqualTo(4);
    }

    @Test
    void operationAbortedOnDeleteOfTheLease() {
        put("_jobform/lease.json");
        hooks.failAlways("s3:DeleteObject", bucket + "/_jobform/lease\\.json", Fault.OPERATION_ABORTED);
        assertS3Error(() -> s3.deleteObject(b -> b.bucket(bucket).key("_jobform/lease.json")), 409, "OperationAborted");
        s3.deleteObject(b -> b.bucket(bucket).key("_jobform/other.json"));
        hooks.clearFaults();
        s3.deleteObject(b -> b.bucket(bucket).key("_jobform/lease.json"));
    }

    @Test
    void s3AccessDeniedIs403() {
        hooks.failAlways("s3:PutObject", bucket + "/private/.*", Fault.ACCESS_DENIED);
        assertS3Error(() -> put("private/x.json"), 403, "AccessDenied");
        put("public/x.json");
    }

    @Test
    void ecsAccessDeniedIsTheModeledExceptionForOneFamilyEveryTime() {
        hooks.failAlways("ecs:RegisterTaskDefinition", "denied-.*", Fault.ACCESS_DENIED);
        try (EcsClient ecs = ecs()) {
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> register(ecs, "denied-family"))
                        .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                            assertThat(e.awsErrorDetails().errorMessage())
                                    .contains("not authorized to perform: ecs:RegisterTaskDefinition")
                                    .contains("on resource: denied-family");
                        });
            }
            register(ecs, "allowed-family");
        }
        assertThat(hooks.calls("ecs:RegisterTaskDefinition")).isEqualTo(4);
    }

    private static void register(EcsClient ecs, String family) {
        ecs.registerTaskDefinition(r -> r.family(family).requiresCompatibilities(Compatibility.FARGATE)
                .networkMode("awsvpc").cpu("256").memory("512")
                .containerDefinitions(c -> c.name("main").image("public.ecr.aws/docker/library/busybox:1")));
    }

    @Test
    void iamAccessDeniedIs403SenderForOneRole() {
        hooks.failAlways("iam:CreateRole", "jobform-denied", Fault.ACCESS_DENIED);
        try (IamClient iam = iam()) {
            assertThatThrownBy(() -> iam.createRole(r -> r.roleName("jobform-denied").assumeRolePolicyDocument(TRUST)))
                    .isInstanceOfSatisfying(IamException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.awsErrorDetails().errorMessage()).contains("iam:CreateRole");
                    });
            String other = unique("allowed");
            iam.createRole(r -> r.roleName(other).assumeRolePolicyDocument(TRUST));
            iam.deleteRole(r -> r.roleName(other));
        }
    }

    @Test
    void schedulerAndStepFunctionsAnswerAccessDeniedException() {
        hooks.failAlways("scheduler:CreateScheduleGroup", ".*", Fault.ACCESS_DENIED);
        hooks.failAlways("states:CreateStateMachine", "denied-machine", Fault.ACCESS_DENIED);
        try (SchedulerClient scheduler = scheduler(); SfnClient sfn = sfn()) {
            assertThatThrownBy(() -> scheduler.createScheduleGroup(r -> r.name("denied-group")))
                    .isInstanceOfSatisfying(SchedulerException.class, e -> assertCode(e, 403, "AccessDeniedException"));
            assertThatThrownBy(() -> sfn.createStateMachine(r -> r.name("denied-machine").definition("{}")
                    .roleArn("arn:aws:iam::123456789012:role/x")))
                    .isInstanceOfSatisfying(SfnException.class, e -> assertCode(e, 400, "AccessDeniedException"));
        }
    }

    private static void assertCode(AwsServiceException e, int status, String code) {
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
    }

    @Test
    void adminEndpointAddsResourceRules() {
        RawHttp.Response added = RawHttp.send(endpoint, "POST", "/_emulator/faults", Map.of(),
                "{\"operation\":\"s3:PutObject\",\"resource\":\"" + bucket + "/locked/.*\",\"always\":true,"
                        + "\"fault\":\"ACCESS_DENIED\"}");
        assertThat(added.status()).isEqualTo(200);
        assertS3Error(() -> put("locked/a"), 403, "AccessDenied");
        assertS3Error(() -> put("locked/b"), 403, "AccessDenied");
        put("open/a");
        RawHttp.Response nth = RawHttp.send(endpoint, "POST", "/_emulator/faults", Map.of(),
                "{\"operation\":\"s3:PutObject\",\"resource\":\"" + bucket + "/open/.*\",\"nth\":1,\"fault\":\"CONFLICT\"}");
        assertThat(nth.status()).isEqualTo(200);
        assertS3Error(() -> put("open/b"), 409, "ConditionalRequestConflict");
        put("open/b");
        RawHttp.Response bad = RawHttp.send(endpoint, "POST", "/_emulator/faults", Map.of(),
                "{\"operation\":\"s3:PutObject\",\"resource\":\"(\",\"always\":true,\"fault\":\"CONFLICT\"}");
        assertThat(bad.status()).isEqualTo(400);
    }
}
