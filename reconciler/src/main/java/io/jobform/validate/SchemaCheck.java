package io.jobform.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.jobform.manifest.PositionIndex;
import io.jobform.manifest.SourcePosition;
import io.jobform.manifest.Violation;
import io.jobform.manifest.YamlDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * Validates documents against the packaged JSON Schema (classpath
 * {@code schema/jobform-v1alpha1.schema.json}) and places each finding at its YAML node.
 */
final class SchemaCheck {

    static final String RESOURCE = "schema/jobform-v1alpha1.schema.json";
    private static final String ID = "https://jobform.io/schema/jobform-v1alpha1.schema.json";

    private final JsonSchema scheduledJob;
    private final JsonSchema jobDefaults;
    private final JsonNode schemaTree;

    SchemaCheck() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(m -> m.mapPrefix("https://jobform.io/schema/", "classpath:schema/")));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        this.scheduledJob = factory.getSchema(SchemaLocation.of(ID + "#/$defs/ScheduledJob"), config);
        this.jobDefaults = factory.getSchema(SchemaLocation.of(ID + "#/$defs/JobDefaults"), config);
        try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            this.schemaTree = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged schema " + RESOURCE, e);
        }
    }

    List<Violation> check(YamlDocument doc, String kind, String subject) {
        JsonSchema schema = kind.equals("JobDefaults") ? jobDefaults : scheduledJob;
        Set<ValidationMessage> messages = schema.validate(doc.tree());
        // A value of the wrong type also fails its enum/range keywords: report only the type.
        Set<String> wrongType = new java.util.HashSet<>();
        messages.stream().filter(m -> m.getType().equals("type")).forEach(m -> wrongType.add(m.getInstanceLocation().toString()));
        List<Violation> out = new ArrayList<>();
        for (ValidationMessage m : messages) {
            boolean shadowed = !m.getType().equals("type") && wrongType.contains(m.getInstanceLocation().toString());
            if (!shadowed) {
                out.add(toViolation(m, doc.positions(), subject));
            }
        }
        out.sort(Comparator.comparingInt((Violation v) -> v.position().line()).thenComparingInt(v -> v.position().column()));
        return out;
    }

    private Violation toViolation(ValidationMessage m, PositionIndex positions, String subject) {
        String pointer = m.getInstanceLocation().toString();
        String type = m.getType();
        return switch (type) {
            case "required" -> {
                String child = pointer + PositionIndex.segment(m.getProperty());
                yield Violation.error(parentPosition(positions, pointer), subject, PositionIndex.fieldPath(child),
                        "required field '" + m.getProperty() + "' is missing");
            }
            case "additionalProperties" -> {
                String child = pointer + PositionIndex.segment(m.getProperty());
                yield Violation.error(positions.keyAt(child), subject, PositionIndex.fieldPath(child),
                        "unknown field '" + m.getProperty() + "'" + suggestion(m, m.getProperty()));
            }
            default -> Violation.error(positions.valueAt(pointer), subject, PositionIndex.fieldPath(pointer),
                    describe(m, type));
        };
    }

    /** A missing field is reported at its parent's key (e.g. the {@code container:} line). */
    private static SourcePosition parentPosition(PositionIndex positions, String pointer) {
        return positions.keyAt(pointer);
    }

    private static String describe(ValidationMessage m, String type) {
        JsonNode value = m.getInstanceNode();
        return switch (type) {
            case "type" -> "must be " + article(m.getSchemaNode().asText()) + ", found " + kindOf(value);
            case "enum" -> "'" + shown(value.asText()) + "' is not one of " + join(m.getSchemaNode());
            case "const" -> "must be '" + m.getSchemaNode().asText() + "', found '" + shown(value.asText()) + "'";
            case "minimum" -> shown(value.toString()) + " is below the minimum " + m.getSchemaNode().asText();
            case "maximum" -> shown(value.toString()) + " is above the maximum " + m.getSchemaNode().asText();
            default -> stripLocation(m);
        };
    }

    private static String stripLocation(ValidationMessage m) {
        String text = m.getMessage();
        String prefix = m.getInstanceLocation().toString() + ": ";
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    private static String article(String type) {
        return switch (type) {
            case "integer" -> "an integer";
            case "object" -> "a mapping";
            case "array" -> "a list";
            default -> "a " + type;
        };
    }

    /** A value quoted in a message, cut to a readable length (a 1,000-digit number is still one line). */
    private static String shown(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "... (" + value.length() + " characters)";
    }

    private static String kindOf(JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isTextual()) {
            return "the string '" + shown(value.asText()) + "'";
        }
        return value.isBoolean() ? "the boolean " + value : "the number " + value;
    }

    private static String join(JsonNode array) {
        return String.join(", ", StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList());
    }

    /** Names the closest known field when an unknown one is probably a typo. */
    private String suggestion(ValidationMessage m, String unknown) {
        String fragment = m.getSchemaLocation().getFragment().toString();
        String parent = fragment.endsWith("/additionalProperties")
                ? fragment.substring(0, fragment.length() - "/additionalProperties".length()) : fragment;
        JsonNode props = schemaTree.at(parent.startsWith("#") ? parent.substring(1) : parent).path("properties");
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (var it = props.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            int d = EditDistance.between(unknown.toLowerCase(), name.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = name;
            }
        }
        if (best == null) {
            return "";
        }
        String known = String.join(", ", (Iterable<String>) props::fieldNames);
        return bestDistance <= Math.max(2, unknown.length() / 3)
                ? " (did you mean '" + best + "'?)" : " (known fields: " + known + ")";
    }
}
