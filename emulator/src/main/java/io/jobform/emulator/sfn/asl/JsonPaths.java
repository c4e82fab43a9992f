package io.jobform.emulator.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSONPath as the States Language uses it: Paths read the state's input ({@code $...}) or the
 * Context object ({@code $$...}); a path that matches nothing is a States.Runtime error
 * ("Paths", Amazon States Language specification). Reference paths (ResultPath) name a single
 * node with {@code .name} and {@code [index]} steps and create missing objects on the way.
 */
final class JsonPaths {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Configuration JACKSON = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(MAPPER))
            .mappingProvider(new JacksonMappingProvider(MAPPER))
            .build();
    private static final Pattern REFERENCE = Pattern.compile("\\$(\\.[^.\\[\\]*?(),@]+|\\['[^']*'\\]|\\[\\d+\\])+");
    private static final Pattern STEP = Pattern.compile("\\.([^.\\[\\]]+)|\\['([^']*)'\\]|\\[(\\d+)\\]");

    private JsonPaths() {}

    static ObjectMapper mapper() {
        return MAPPER;
    }

    static JsonNode read(String path, JsonNode input, JsonNode context) {
        boolean fromContext = path.startsWith("$$");
        JsonNode root = fromContext ? context : input;
        String jsonPath = fromContext ? path.substring(1) : path;
        if (jsonPath.equals("$")) {
            return root;
        }
        // A reference path (.name, ['name'], [index] steps) is walked here: Jayway answers an
        // index past the end with null instead of "no match".
        if (REFERENCE.matcher(jsonPath).matches()) {
            JsonNode node = root;
            for (Object step : steps(jsonPath)) {
                node = step instanceof String name ? (node.isObject() ? node.get(name) : null)
                        : (node.isArray() ? node.get((Integer) step) : null);
                if (node == null) {
                    throw StatesError.runtime("Invalid path '" + path + "' : No results for path: " + jsonPath + " in "
                            + (fromContext ? "the Context object" : "the input '" + Jsons.cut(input) + "'"));
                }
            }
            return node;
        }
        try {
            Object value = JsonPath.using(JACKSON).parse(root).read(jsonPath);
            // Jayway reads an array index past the end as null; in the States Language that
            // element does not exist (IsPresent false, a path that does not resolve).
            if ((value == null || value instanceof NullNode) && !isIndefinite(jsonPath) && !resolves(root, jsonPath)) {
                throw StatesError.runtime("Invalid path '" + path + "' : no element at an index of it in "
                        + (fromContext ? "the Context object" : "the input '" + Jsons.cut(input) + "'"));
            }
            return value == null ? NullNode.getInstance() : MAPPER.valueToTree(value);
        } catch (InvalidPathException e) {
            // PathNotFoundException is an InvalidPathException too.
            throw StatesError.runtime("Invalid path '" + path + "' : " + e.getMessage() + " in "
                    + (fromContext ? "the Context object" : "the input '" + Jsons.cut(input) + "'"));
        }
    }

    /** True when the path names something in the input (Choice rule IsPresent). */
    static boolean present(String path, JsonNode input, JsonNode context) {
        try {
            JsonNode found = read(path, input, context);
            return !(found.isArray() && found.isEmpty() && isIndefinite(path));
        } catch (StatesError e) {
            return false;
        }
    }

    /** Whether every step of a definite path exists (a null value exists; an index past the end does not). */
    private static boolean resolves(JsonNode root, String definitePath) {
        JsonNode at = root;
        for (Object step : steps(definitePath)) {
            if (step instanceof Integer i ? !at.isArray() || i >= at.size() : !at.isObject() || !at.has((String) step)) {
                return false;
            }
            at = step instanceof Integer i ? at.get(i) : at.get((String) step);
        }
        return true;
    }

    private static boolean isIndefinite(String path) {
        return path.contains("*") || path.contains("..") || path.contains("?(") || path.contains(",");
    }

    /** Applies ResultPath: {@code $} replaces the input, other paths put the result into a copy of it. */
    static JsonNode put(String referencePath, JsonNode input, JsonNode result) {
        if (referencePath.equals("$")) {
            return result;
        }
        List<Object> steps = steps(referencePath);
        JsonNode root = input.deepCopy();
        if (!root.isObject() && !(root.isArray() && steps.get(0) instanceof Integer)) {
            throw new StatesError("States.ResultPathMatchFailure", "Unable to apply step \"" + steps.get(0)
                    + "\" to input " + Jsons.cut(input));
        }
        JsonNode node = root;
        for (int i = 0; i < steps.size(); i++) {
            Object step = steps.get(i);
            boolean last = i == steps.size() - 1;
            if (step instanceof String name && node instanceof ObjectNode object) {
                if (last) {
                    object.set(name, result);
                } else {
                    JsonNode next = object.get(name);
                    node = next != null && (next.isObject() || next.isArray()) ? next : object.putObject(name);
                }
            } else if (step instanceof Integer index && node instanceof ArrayNode array && index < array.size()) {
                if (last) {
                    array.set(index, result);
                } else {
                    node = array.get(index);
                }
            } else {
                throw new StatesError("States.ResultPathMatchFailure", "Unable to apply ResultPath \"" + referencePath
                        + "\" to input " + Jsons.cut(input));
            }
        }
        return root;
    }

    private static List<Object> steps(String referencePath) {
        if (!referencePath.startsWith("$")) {
            throw StatesError.runtime("Invalid reference path '" + referencePath + "'");
        }
        List<Object> steps = new ArrayList<>();
        Matcher m = STEP.matcher(referencePath);
        int at = 1;
        while (at < referencePath.length()) {
            if (!m.find(at) || m.start() != at) {
                throw StatesError.runtime("Invalid reference path '" + referencePath + "'");
            }
            steps.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : (Object) Integer.valueOf(m.group(3)));
            at = m.end();
        }
        return steps;
    }
}
