package io.jobform.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobform.emulator.Emulator;
import io.jobform.emulator.EmulatorOptions;
import io.jobform.emulator.hooks.Fault;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** S3 409s (ConditionalRequestConflict, OperationAborted) on the state objects are retried. */
class ObjectStoreConflictTest {
    private static final String BUCKET = "state";
    private static Emulator emulator;
    private static AwsClients clients;
    private ObjectStore store;

    @BeforeAll
    static void start() {
        emulator = Emulator.start(EmulatorOptions.defaults());
        clients = new AwsClients(AwsTarget.endpoint(emulator.endpoint(), emulator.region()), new RateLimits(1000));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.hooks().reset();
        store = new ObjectStore(clients.s3, BUCKET);
        store.createBucketIfMissing();
        store.put("k.json", bytes("v0"));
        emulator.hooks().resetCounters();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Runs one write with the first {@code conflicts} calls of its operation answered 409. */
    private Optional<String> write(String operation, int conflicts, Fault fault, Function<ObjectStore, Optional<String>> call) {
        for (int n = 1; n <= conflicts; n++) {
            emulator.hooks().failNth("s3:" + operation, BUCKET + "/k\\.json", n, fault);
        }
        return call.apply(store);
    }

    @ParameterizedTest(name = "{0} with {1} x {2}")
    @CsvSource({
            "put, 1, CONFLICT, ok", "put, 4, OPERATION_ABORTED, ok", "put, 5, CONFLICT, throws",
            "putIfMatch, 2, CONFLICT, ok", "putIfMatch, 5, OPERATION_ABORTED, empty",
            "putIfAbsent, 1, CONFLICT, empty-412", "deleteIfMatch, 3, OPERATION_ABORTED, ok",
            "deleteIfMatch, 5, CONFLICT, empty", "delete, 2, CONFLICT, ok"})
    void conflictsAreRetriedThenGiveUp(String call, int conflicts, Fault fault, String outcome) {
        String etag = store.get("k.json").orElseThrow().etag();
        emulator.hooks().resetCounters();
        String operation = call.startsWith("delete") ? "DeleteObject" : "PutObject";
        Function<ObjectStore, Optional<String>> run = switch (call) {
            case "put" -> s -> Optional.of(s.put("k.json", bytes("v1")));
            case "putIfMatch" -> s -> s.putIfMatch("k.json", bytes("v1"), etag);
            case "putIfAbsent" -> s -> s.putIfAbsent("k.json", bytes("v1"));
            case "deleteIfMatch" -> s -> s.deleteIfMatch("k.json", etag) ? Optional.of("") : Optional.empty();
            case "delete" -> s -> {
                s.delete("k.json");
                return Optional.of("");
            };
            default -> throw new IllegalArgumentException(call);
        };
        switch (outcome) {
            case "ok" -> assertThat(write(operation, conflicts, fault, run)).isPresent();
            case "throws" -> assertThatThrownBy(() -> write(operation, conflicts, fault, run))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(409));
            default -> assertThat(write(operation, conflicts, fault, run)).isEmpty();
        }
        long attempts = emulator.hooks().calls("s3:" + operation);
        assertThat(attempts).as("attempts").isEqualTo(Math.min(conflicts + 1, ObjectStore.CONFLICT_ATTEMPTS));
    }
}
