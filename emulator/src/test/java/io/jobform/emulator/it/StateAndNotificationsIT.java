package io.jobform.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobform.emulator.Emulator;
import io.jobform.emulator.EmulatorOptions;
import io.jobform.emulator.s3.S3Event;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Bucket notifications, snapshot/restore and IAM propagation. Emulator only. */
class StateAndNotificationsIT extends EndpointTestBase {

    @Test
    void notificationsCarryTheS3EventMessageShape() throws Exception {
        Emulator e = emulatorOnly();
        List<S3Event> delivered = new ArrayList<>();
        e.s3().addListener(delivered::add);
        e.s3().notifications().clear();
        String bucket = unique("events");
        try (S3Client s3 = s3()) {
            s3.createBucket(b -> b.bucket(bucket));
            String etag = s3.putObject(b -> b.bucket(bucket).key("manifests/my job+1.yaml"), RequestBody.fromString("abc")).eTag();
            // Delivered before PutObject returned.
            assertThat(delivered).hasSize(1);
            s3.deleteObject(b -> b.bucket(bucket).key("manifests/my job+1.yaml"));
            s3.deleteObject(b -> b.bucket(bucket).key("manifests/never-existed.yaml"));

            List<S3Event> events = e.s3().notifications().events();
            assertThat(events).extracting(S3Event::eventName).containsExactly("ObjectCreated:Put", "ObjectRemoved:Delete");
            assertThat(events.get(0).key()).isEqualTo("manifests/my job+1.yaml");

            JsonNode message = new ObjectMapper().readTree(events.get(0).json());
            JsonNode record = message.path("Records").get(0);
            assertThat(record.path("eventVersion").asText()).isEqualTo("2.1");
            assertThat(record.path("eventSource").asText()).isEqualTo("aws:s3");
            assertThat(record.path("awsRegion").asText()).isEqualTo("us-east-1");
            assertThat(record.path("eventTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(record.path("s3").path("bucket").path("name").asText()).isEqualTo(bucket);
            assertThat(record.path("s3").path("bucket").path("arn").asText()).isEqualTo("arn:aws:s3:::" + bucket);
            JsonNode object = record.path("s3").path("object");
            assertThat(object.path("key").asText()).isEqualTo("manifests/my+job%2B1.yaml");
            assertThat(object.path("size").asLong()).isEqualTo(3);
            assertThat("\"" + object.path("eTag").asText() + "\"").isEqualTo(etag);

            JsonNode removed = events.get(1).record().path("s3").path("object");
            assertThat(removed.has("size")).isFalse();
            assertThat(removed.path("sequencer").asText()).isGreaterThan(object.path("sequencer").asText());
        }
    }

    @Test
    void snapshotRestoresIntoAFreshEmulator(@TempDir Path dir) {
        Emulator e = emulatorOnly();
        String bucket = unique("state");
        String role = unique("role");
        try (S3Client s3 = s3(); IamClient iam = iam()) {
            s3.createBucket(b -> b.bucket(bucket));
            s3.putObject(b -> b.bucket(bucket).key("manifests/a.yaml"), RequestBody.fromString("kind: ScheduledJob"));
            iam.createRole(b -> b.roleName(role).path("/jobform/x/").assumeRolePolicyDocument(IamConformanceIT.TRUST));
            iam.putRolePolicy(b -> b.roleName(role).policyName("p").policyDocument(IamConformanceIT.POLICY));
        }
        Path file = dir.resolve("state.json");
        e.saveState(file);
        assertThat(file).exists();

        try (Emulator fresh = Emulator.start(); S3Client s3 = s3(fresh.endpoint()); IamClient iam = iam(fresh.endpoint())) {
            fresh.loadState(file);
            assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("manifests/a.yaml")).asUtf8String())
                    .isEqualTo("kind: ScheduledJob");
            assertThat(iam.getRole(b -> b.roleName(role)).role().path()).isEqualTo("/jobform/x/");
            assertThat(iam.listRolePolicies(b -> b.roleName(role)).policyNames()).containsExactly("p");
            assertThat(fresh.snapshot()).isEqualTo(e.snapshot());
        }

        // The same through the admin endpoints.
        RawHttp.Response got = RawHttp.send(endpoint, "GET", "/_emulator/state", Map.of(), null);
        assertThat(got.status()).isEqualTo(200);
        try (Emulator fresh = Emulator.start()) {
            RawHttp.Response put = RawHttp.send(fresh.endpoint(), "PUT", "/_emulator/state", Map.of(), got.body());
            assertThat(put.status()).isEqualTo(200);
            assertThat(fresh.snapshot()).isEqualTo(e.snapshot());
        }
    }

    @Test
    void newRolesPropagateBeforeServicesCanAssumeThem() throws Exception {
        emulatorOnly();
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (Emulator own = Emulator.start(EmulatorOptions.defaults().withClock(clock)
                .withIamPropagationDelay(Duration.ofSeconds(10))); IamClient iam = iam(own.endpoint())) {
            String arn = iam.createRole(b -> b.roleName("states-role").assumeRolePolicyDocument(IamConformanceIT.TRUST))
                    .role().arn();
            var roles = own.context().roles();
            assertThat(roles.role(arn)).isPresent();
            assertThat(roles.assumableBy(arn, "states.amazonaws.com")).isFalse();
            clock.advance(Duration.ofSeconds(10));
            assertThat(roles.assumableBy(arn, "states.amazonaws.com")).isTrue();
            assertThat(roles.assumableBy(arn, "scheduler.amazonaws.com")).isFalse();
            assertThat(roles.assumableBy(arn + "-other", "states.amazonaws.com")).isFalse();

            // A changed trust policy propagates again; the delay can be changed at runtime.
            own.hooks().iamPropagationDelay(Duration.ofSeconds(5));
            iam.updateAssumeRolePolicy(b -> b.roleName("states-role")
                    .policyDocument(IamConformanceIT.TRUST.replace("states.amazonaws.com", "scheduler.amazonaws.com")));
            assertThat(roles.assumableBy(arn, "scheduler.amazonaws.com")).isFalse();
            clock.advance(Duration.ofSeconds(5));
            assertThat(roles.assumableBy(arn, "scheduler.amazonaws.com")).isTrue();
            assertThat(roles.assumableBy(arn, "states.amazonaws.com")).isFalse();
        }
    }

    @Test
    void stateFileIsPlainJson(@TempDir Path dir) throws Exception {
        Emulator e = emulatorOnly();
        Path file = dir.resolve("s.json");
        e.saveState(file);
        JsonNode state = new ObjectMapper().readTree(Files.readString(file));
        assertThat(state.path("accountId").asText()).isEqualTo("123456789012");
        assertThat(state.path("services").has("s3")).isTrue();
        assertThat(state.path("services").has("iam")).isTrue();
    }

    @Test
    void aFailedSaveKeepsTheStateSavedBeforeAndLeavesNothingBehind(@TempDir Path dir) throws Exception {
        try (Emulator own = Emulator.start(EmulatorOptions.defaults()); S3Client s3 = s3(own.endpoint())) {
            s3.createBucket(b -> b.bucket("kept-state"));
            Path file = dir.resolve("state.json");
            own.saveState(file);
            String saved = Files.readString(file);
            // Half a UTF-16 surrogate pair (a JSON escape can make one): UTF-8 cannot encode it.
            ObjectMapper json = new ObjectMapper();
            own.restore(json.readTree(json.writeValueAsString(own.snapshot()).replace("kept-state", "kept-\\ud800")));

            assertThatThrownBy(() -> own.saveState(file)).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("the state saved before is kept");
            assertThat(Files.readString(file)).isEqualTo(saved);
            try (Stream<Path> left = Files.list(dir)) {
                assertThat(left).containsExactly(file);
            }
        }
    }
}
