package io.jobform.reconcile;

import io.jobform.config.StateKeys;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InventoryReaderTest {
    private static final String ROLE = "\"Role/jobform-execution\":";
    private static final String GOOD = "{\"arn\":\"arn:r\",\"specHash\":\"h\",\"job\":\"\",\"manifest\":\"\","
            + "\"prunable\":true,\"modified\":\"\"}";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("{\"manifests\":{},\"resources\":{" + ROLE + GOOD + "}}", 1, Optional.empty()),
                Arguments.of("{\"manifests\":{},\"resources\":{" + ROLE + GOOD.replace("\"h\"", "null") + "}}", 0,
                        Optional.of("_jobform/inventory.json has 1 unreadable entry")),
                Arguments.of("{\"manifests\":{},\"resources\":{" + ROLE + GOOD.replace("true", "\"yes\"") + "}}", 0,
                        Optional.of("_jobform/inventory.json has 1 unreadable entry")),
                Arguments.of("{\"manifests\":{\"a.yaml\":{\"etag\":1}},\"resources\":{" + ROLE + "7}}", 0,
                        Optional.of("_jobform/inventory.json has 2 unreadable entries")),
                Arguments.of("{\"manifests\":{}}", 0,
                        Optional.of("_jobform/inventory.json lacks its manifests or resources")),
                Arguments.of("[1]", 0, Optional.of("_jobform/inventory.json is not a JSON object")),
                Arguments.of("{\"manifests\":{", 0, Optional.of("_jobform/inventory.json is not valid JSON")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void dropsWhatItCannotReadAndSaysSo(String json, int resources, Optional<String> problem) {
        InventoryReader.Read read = InventoryReader.read(json.getBytes(StandardCharsets.UTF_8), StateKeys.DEFAULT.inventory());
        assertThat(read.inventory().resources()).hasSize(resources);
        assertThat(read.problem()).isEqualTo(problem);
    }

    @Test
    void aWrittenInventoryReadsBackWhole() {
        Inventory inventory = new Inventory(1, "", Map.of("a.yaml", new Inventory.ManifestEntry("e", "a", true, null)),
                Map.of("Role/x", new Inventory.ResourceEntry("arn", "h", "a", "a.yaml", false, "")), Map.of("a", "d"));
        InventoryReader.Read read = InventoryReader.read(inventory.toJson(), StateKeys.DEFAULT.inventory());
        assertThat(read.inventory()).isEqualTo(inventory);
        assertThat(read.problem()).isEmpty();
    }
}
