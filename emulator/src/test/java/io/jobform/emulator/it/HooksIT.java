package io.jobform.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobform.emulator.Emulator;
import io.jobform.emulator.EmulatorOptions;
import io.jobform.emulator.hooks.Fault;
import io.jobform.emulator.hooks.Hooks;
import io.jobform.emulator.hooks.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.ServiceFailureException;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ThrottledException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The test hooks, through the Java API and the /_emulator endpoints. Emulator only. */
class HooksIT extends EndpointTestBase {
    private Hooks hooks;
    private IamClient iam;
    private S3Client s3;

    @BeforeEach
    void setUp() {
        hooks = emulatorOnly().hooks();
        hooks.reset();
        iam = iam();
        s3 = s3();
    }

    @AfterEach
    void tearDown() {
        if (hooks != null) {
            hooks.reset();
            iam.close();
            s3.close();
        }
    }

    /** GetRole of a missing role: a cheap call whose normal answer is NoSuchEntity. */
    private Optional<Class<?>> getRole() {
        try {
            iam.getRole(b -> b.roleName("absent-role"));
            return Optional.empty();
        } catch (NoSuchEntityException e) {
            return Optional.empty();
        } catch (SdkException e) {
            return Optional.of(e.getClass());
        }
    }

    @Test
    void countsCallsPerOperationAndResets() {
        String bucket = unique("count");
        s3.createBucket(b -> b.bucket(bucket));
        for (int i = 0; i < 3; i++) {
            s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("v"));
        }
        getRole();
        assertThat(hooks.calls("s3:PutObject")).isEqualTo(3);
        assertThat(hooks.calls("s3:CreateBucket")).isEqualTo(1);
        assertThat(hooks.callCounts()).containsEntry("iam:GetRole", 1L);
        assertThat(hooks.totalCalls()).isEqualTo(5);
        hooks.resetCounters();
        assertThat(hooks.totalCalls()).isZero();
        assertThat(hooks.calls("s3:PutObject")).isZero();
    }

    @Test
    void nthCallThrottlesWithTheServicesThrottlingError() {
        hooks.failNth("iam:GetRole", 2, Fault.THROTTLE);
        assertThat(getRole()).isEmpty();
        assertThatThrownBy(() -> iam.getRole(b -> b.roleName("absent-role")))
                .isInstanceOfSatisfying(IamException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
                    assertThat(e.isThrottlingException()).isTrue();
                });
        assertThat(getRole()).isEmpty();
        assertThat(hooks.throttles("iam:GetRole")).isEqualTo(1);
        assertThat(hooks.calls("iam:GetRole")).isEqualTo(3);
    }

    @Test
    void throttlingShapesPerService() {
        String bucket = unique("throttle");
        s3.createBucket(b -> b.bucket(bucket));
        hooks.failNth("s3:PutObject", 1, Fault.THROTTLE);
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("v")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(503);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SlowDown");
                    assertThat(e.isThrottlingException()).isTrue();
                });
        hooks.failNth("tagging:GetResources", 1, Fault.THROTTLE);
        try (var tagging = tagging()) {
            assertThatThrownBy(() -> tagging.getResources(b -> b.resourcesPerPage(10)))
                    .isInstanceOf(ThrottledException.class);
        }
    }

    @Test
    void internalErrorsAndConnectionResets() {
        hooks.failNth("iam:GetRole", 1, Fault.INTERNAL_ERROR);
        hooks.failNth("iam:GetRole", 2, Fault.CONNECTION_RESET);
        assertThatThrownBy(() -> iam.getRole(b -> b.roleName("absent-role")))
                .isInstanceOfSatisfying(ServiceFailureException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        assertThat(getRole()).contains(SdkClientException.class);
        assertThat(getRole()).isEmpty();
    }

    @Test
    void seededRandomFaultsReplayIdentically() {
        List<Boolean> first = randomRun();
        hooks.reset();
        List<Boolean> second = randomRun();
        assertThat(first).isEqualTo(second).contains(true, false);
    }

    private List<Boolean> randomRun() {
        hooks.failRandomly("iam:GetRole", 0.5, 42, Fault.INTERNAL_ERROR);
        List<Boolean> failed = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            failed.add(getRole().isPresent());
        }
        return failed;
    }

    @Test
    void callListenerCanAbortEverythingAfterCallK() {
        List<String> seen = new ArrayList<>();
        hooks.callListener((index, service, operation) -> {
            seen.add(index + " " + service + ":" + operation);
            return index > 2 ? Optional.of(Fault.CONNECTION_RESET) : Optional.empty();
        });
        assertThat(getRole()).isEmpty();
        assertThat(getRole()).isEmpty();
        assertThat(getRole()).contains(SdkClientException.class);
        assertThatThrownBy(() -> s3.listBuckets()).isInstanceOf(SdkClientException.class);
        // HttpURLConnection itself may resend a GET once after a reset, hence "starts with".
        assertThat(seen).startsWith("1 iam:GetRole", "2 iam:GetRole", "3 iam:GetRole", "4 s3:ListBuckets");
    }

    @Test
    void latencyIsInjectedPerCallAndPerOperation() {
        hooks.latency(Duration.ofMillis(3));
        hooks.latency("iam:GetRole", Duration.ofMillis(7));
        s3.listBuckets();
        getRole();
        assertThat(hooks.injectedLatencyMillis()).isEqualTo(10);
        hooks.clearLatency();
        s3.listBuckets();
        assertThat(hooks.injectedLatencyMillis()).isEqualTo(10);
    }

    @Test
    void defaultRateLimitsFollowAwsPublishedValues() {
        Map<String, RateLimit> limits = hooks.rateLimits();
        assertThat(limits.get("ecs:RegisterTaskDefinition")).isEqualTo(new RateLimit(20, 1));
        assertThat(limits.get("states:CreateStateMachine")).isEqualTo(new RateLimit(100, 1));
        assertThat(limits.get("scheduler:CreateSchedule").perSecond()).isPositive();
        assertThat(hooks.rateLimitsEnabled()).isFalse();
    }

    @Test
    void tokenBucketThrottlesAfterBurstAndRefillsWithTheClock() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (Emulator own = Emulator.start(EmulatorOptions.defaults().withClock(clock));
             IamClient client = iam(own.endpoint())) {
            own.hooks().rateLimit("iam:GetRole", new RateLimit(3, 1));
            own.hooks().enableRateLimits(1);
            List<Boolean> throttled = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                throttled.add(throttledCall(client));
            }
            assertThat(throttled).containsExactly(false, false, false, true);
            clock.advance(Duration.ofSeconds(1));
            assertThat(throttledCall(client)).isFalse();
            assertThat(throttledCall(client)).isTrue();
            assertThat(own.hooks().throttles("iam:GetRole")).isEqualTo(2);

            // The scale factor multiplies the refill rate, not the burst (a count of calls).
            own.hooks().enableRateLimits(2);
            int allowed = 0;
            while (!throttledCall(client)) {
                allowed++;
            }
            assertThat(allowed).isEqualTo(3);
            clock.advance(Duration.ofMillis(500));
            assertThat(throttledCall(client)).isFalse();
            assertThat(throttledCall(client)).isTrue();
        }
    }

    private static boolean throttledCall(IamClient client) {
        try {
            client.getRole(b -> b.roleName("absent-role"));
            return false;
        } catch (NoSuchEntityException e) {
            return false;
        } catch (IamException e) {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
            return true;
        }
    }

    @Test
    void adminEndpointsDriveTheSameHooks() {
        getRole();
        RawHttp.Response calls = RawHttp.send(endpoint, "GET", "/_emulator/calls", Map.of(), null);
        assertThat(calls.status()).isEqualTo(200);
        assertThat(calls.body()).contains("\"iam:GetRole\":1").contains("\"total\":1");

        RawHttp.Response fault = RawHttp.send(endpoint, "POST", "/_emulator/faults", Map.of("Content-Type", "application/json"),
                "{\"operation\":\"iam:GetRole\",\"nth\":1,\"fault\":\"INTERNAL_ERROR\"}");
        assertThat(fault.status()).isEqualTo(200);
        assertThat(getRole()).contains(ServiceFailureException.class);

        assertThat(RawHttp.send(endpoint, "DELETE", "/_emulator/calls", Map.of(), null).status()).isEqualTo(200);
        assertThat(hooks.totalCalls()).isZero();

        RawHttp.Response limits = RawHttp.send(endpoint, "PUT", "/_emulator/rate-limits", Map.of(),
                "{\"enabled\":true,\"scale\":10}");
        assertThat(limits.body()).contains("\"enabled\":true").contains("\"scale\":10.0");
        assertThat(hooks.rateLimitsEnabled()).isTrue();
        assertThat(hooks.rateLimitScale()).isEqualTo(10.0);

        assertThat(RawHttp.send(endpoint, "GET", "/_emulator/nothing-here", Map.of(), null).status()).isEqualTo(404);
    }
}
