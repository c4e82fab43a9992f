package io.jobform.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code jobform explain FIELD}: a manifest field's documentation read from the JSON Schema
 * the validator checks against, so the two never disagree. A path is dotted from the
 * document root ({@code spec.schedule.timezone}); a path not starting with apiVersion, kind,
 * metadata or spec is read under {@code spec}. Array items are entered transparently.
 */
public final class FieldDocs {

    /**
     * The schema keyword naming the AWS request field a manifest field becomes. Validators and
     * editors ignore a keyword they do not know (JSON Schema 2020-12 core, "Extending JSON
     * Schema"); SchemaCheck validating every manifest test with this schema shows ours does.
     */
    public static final String AWS_KEYWORD = "x-jobform-aws";

    /** What the schema says about one field; {@code aws} is the AWS setting it becomes. */
    public record Field(String path, Optional<String> type, Optional<String> description, Optional<String> aws,
            Optional<String> defaultValue, List<String> limits, List<String> examples, List<Child> fields) {}

    public record Child(String name, Optional<String> type, Optional<String> summary) {}

    private final JsonNode schema;

    private FieldDocs(JsonNode schema) {
        this.schema = schema;
    }

    public static FieldDocs load() {
        try (InputStream in = FieldDocs.class.getClassLoader().getResourceAsStream(SchemaCheck.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the schema " + SchemaCheck.RESOURCE + " is not in the jar");
            }
            return new FieldDocs(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException naming the first unknown segment and what exists there */
    public Field explain(String path, String kind) {
        List<String> segments = new ArrayList<>(List.of(path.split("\\.")));
        if (!List.of("apiVersion", "kind", "metadata", "spec").contains(segments.get(0))) {
            segments.add(0, "spec");
        }
        JsonNode node = resolve(schema.path("$defs").path(kind));
        StringBuilder at = new StringBuilder();
        for (String segment : segments) {
            JsonNode properties = properties(node);
            if (!properties.has(segment)) {
                List<String> names = new ArrayList<>();
                properties.fieldNames().forEachRemaining(names::add);
                String near = names.stream().filter(n -> EditDistance.between(n.toLowerCase(), segment.toLowerCase()) <= 2)
                        .findFirst().map(n -> "; did you mean " + n + "?").orElse("");
                throw new IllegalArgumentException(kind + " has no field " + (at.length() == 0 ? "" : at + ".") + segment
                        + (names.isEmpty() ? "" : " (fields here: " + String.join(", ", names) + ")") + near);
            }
            at.append(at.length() == 0 ? "" : ".").append(segment);
            node = resolve(properties.get(segment));
        }
        return field(at.toString(), node);
    }

    private Field field(String path, JsonNode node) {
        List<String> limits = new ArrayList<>();
        for (String k : List.of("minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems", "pattern")) {
            if (node.has(k)) {
                limits.add(k + " " + node.get(k).asText());
            }
        }
        if (node.has("enum")) {
            List<String> values = new ArrayList<>();
            node.get("enum").forEach(v -> values.add(v.asText()));
            limits.add("one of " + String.join(", ", values));
        }
        List<String> examples = new ArrayList<>();
        node.path("examples").forEach(e -> examples.add(e.isTextual() ? e.asText() : e.toString()));
        List<Child> children = new ArrayList<>();
        properties(node).fields().forEachRemaining(e -> {
            JsonNode child = resolve(e.getValue());
            children.add(new Child(e.getKey(), type(child), text(child, "description").map(FieldDocs::firstSentence)));
        });
        return new Field(path, type(node), text(node, "description"), text(node, AWS_KEYWORD),
                node.has("default") ? Optional.of(node.get("default").isTextual() ? node.get("default").asText()
                        : node.get("default").toString()) : Optional.empty(), limits, examples, children);
    }

    private JsonNode properties(JsonNode node) {
        JsonNode items = node.path("items");
        return node.has("properties") ? node.get("properties") : resolve(items).path("properties");
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            current = ref.startsWith("#/") ? schema.at(ref.substring(1)) : current;
        }
        return current;
    }

    private static Optional<String> type(JsonNode node) {
        if (node.path("type").isTextual()) {
            String type = node.get("type").asText();
            return Optional.of(type.equals("array") ? "array of " + type(node.path("items")).orElse("any") : type);
        }
        return node.has("enum") ? Optional.of("string") : Optional.empty();
    }

    private static Optional<String> text(JsonNode node, String member) {
        return node.path(member).isTextual() ? Optional.of(node.get(member).asText()) : Optional.empty();
    }

    private static String firstSentence(String text) {
        // The first ". " that does not end an abbreviation such as "e.g.".
        java.util.regex.Matcher end = java.util.regex.Pattern.compile("(?<!e\\.g|i\\.e)\\. ").matcher(text);
        return end.find() ? text.substring(0, end.start() + 1) : text;
    }
}
