package io.jobform.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/manifest.md documents every property of the packaged schema, and every property has a description and examples. */
class ManifestReferenceTest {

    static JsonNode schema() throws IOException {
        try (InputStream in = Validator.class.getClassLoader().getResourceAsStream(SchemaCheck.RESOURCE)) {
            assertThat(in).as("schema packaged as a classpath resource").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    static List<String> paths(JsonNode node, String prefix) {
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            out.add(path);
            out.addAll(paths(e.getValue(), path));
            if (e.getValue().has("items")) {
                out.addAll(paths(e.getValue().get("items"), path + "[]"));
            }
        }
        return out;
    }

    static String section(String doc, String from, String to) {
        int start = doc.indexOf(from);
        int end = to == null ? doc.length() : doc.indexOf(to, start);
        assertThat(start).as("section " + from).isNotNegative();
        return doc.substring(start, end);
    }

    @Test
    void everyScheduledJobPropertyIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("../docs/manifest.md"));
        String jobs = section(doc, "## ScheduledJob", "## JobDefaults");
        List<String> paths = paths(schema().at("/$defs/ScheduledJob"), "");
        assertThat(paths).hasSizeGreaterThan(40);
        assertThat(paths).allSatisfy(p -> assertThat(jobs).as("docs/manifest.md ScheduledJob section").contains("`" + p + "`"));
    }

    @Test
    void everyJobDefaultsPropertyIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("../docs/manifest.md"));
        String defaults = section(doc, "## JobDefaults", "## Validation");
        List<String> paths = paths(schema().at("/$defs/JobDefaults"), "");
        assertThat(paths).contains("spec.labels", "spec.container.env");
        assertThat(paths).allSatisfy(p -> assertThat(defaults).as("docs/manifest.md JobDefaults section").contains("`" + p + "`"));
    }

    @Test
    void everyPropertyHasADescriptionAndExamplesAndUnknownFieldsAreRejected() throws IOException {
        JsonNode defs = schema().path("$defs");
        List<String> missing = new ArrayList<>();
        defs.fields().forEachRemaining(e -> check(e.getKey(), e.getValue(), missing));
        assertThat(missing).isEmpty();
    }

    private static void check(String path, JsonNode node, List<String> missing) {
        if (!node.has("description")) {
            missing.add(path + ": no description");
        }
        if (path.contains(".") && !node.has("examples")) {
            missing.add(path + ": no examples");
        }
        if (node.has("properties") && !node.path("additionalProperties").isBoolean()) {
            missing.add(path + ": additionalProperties not false");
        }
        node.path("properties").fields().forEachRemaining(e -> check(path + "." + e.getKey(), e.getValue(), missing));
        if (node.has("items")) {
            node.path("items").path("properties").fields()
                    .forEachRemaining(e -> check(path + "[]." + e.getKey(), e.getValue(), missing));
        }
    }
}
