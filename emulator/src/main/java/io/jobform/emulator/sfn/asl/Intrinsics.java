package io.jobform.emulator.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.sfn.asl.IntrinsicParser.Arg;
import io.jobform.emulator.sfn.asl.IntrinsicParser.Call;
import io.jobform.emulator.sfn.asl.IntrinsicParser.Literal;
import io.jobform.emulator.sfn.asl.IntrinsicParser.Path;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The intrinsic functions of JSONPath states ("Intrinsic functions for JSONPath states in Step
 * Functions", developer guide). A wrong argument is States.IntrinsicFailure, as there.
 */
final class Intrinsics {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String FAILURE = "States.IntrinsicFailure";

    private Intrinsics() {}

    static JsonNode evaluate(String expression, JsonNode input, JsonNode context, Random random) {
        return call(IntrinsicParser.parse(expression), input, context, random);
    }

    private static JsonNode call(Call call, JsonNode input, JsonNode context, Random random) {
        List<JsonNode> args = new ArrayList<>();
        for (Arg arg : call.args()) {
            if (arg instanceof Literal l) {
                args.add(JsonPaths.mapper().valueToTree(l.value()));
            } else if (arg instanceof Path p) {
                args.add(JsonPaths.read(p.path(), input, context));
            } else {
                args.add(call((Call) arg, input, context, random));
            }
        }
        String f = call.function();
        return switch (f) {
            case "States.Format" -> format(call, args);
            case "States.StringToJson" -> Jsons.parse(text(f, args, 0));
            case "States.JsonToString" -> NODES.textNode(Jsons.write(one(f, args)));
            case "States.Array" -> NODES.arrayNode().addAll(args);
            case "States.ArrayPartition" -> partition(array(f, args, 0), (int) number(f, args, 1));
            case "States.ArrayContains" -> NODES.booleanNode(contains(array(f, args, 0), arg(f, args, 1)));
            case "States.ArrayRange" -> range(number(f, args, 0), number(f, args, 1), number(f, args, 2));
            case "States.ArrayGetItem" -> item(array(f, args, 0), (int) number(f, args, 1));
            case "States.ArrayLength" -> NODES.numberNode(array(f, args, 0).size());
            case "States.ArrayUnique" -> NODES.arrayNode().addAll(new ArrayList<>(new LinkedHashSet<JsonNode>(
                    toList(array(f, args, 0)))));
            case "States.Base64Encode" -> NODES.textNode(Base64.getEncoder().encodeToString(
                    text(f, args, 0).getBytes(StandardCharsets.UTF_8)));
            case "States.Base64Decode" -> NODES.textNode(new String(Base64.getDecoder().decode(text(f, args, 0)),
                    StandardCharsets.UTF_8));
            case "States.Hash" -> NODES.textNode(hash(text(f, args, 0), text(f, args, 1)));
            case "States.JsonMerge" -> merge(f, args);
            case "States.MathRandom" -> integer(random((long) number(f, args, 0), (long) number(f, args, 1),
                    random));
            case "States.MathAdd" -> add(number(f, args, 0), number(f, args, 1));
            case "States.StringSplit" -> split(text(f, args, 0), text(f, args, 1));
            case "States.UUID" -> NODES.textNode(new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L,
                    random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L).toString());
            default -> throw new StatesError(FAILURE, "Unknown intrinsic function " + f);
        };
    }

    /** {} placeholders take the arguments in order; strings appear without quotes. */
    private static JsonNode format(Call call, List<JsonNode> args) {
        if (!(call.args().get(0) instanceof Literal template) || !(template.value() instanceof String)) {
            throw new StatesError(FAILURE, "States.Format needs a string literal as its first argument");
        }
        String raw = template.raw();
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                out.append(raw.charAt(++i));
            } else if (c == '{' && i + 1 < raw.length() && raw.charAt(i + 1) == '}') {
                if (next >= args.size()) {
                    throw new StatesError(FAILURE, "States.Format has more placeholders than arguments");
                }
                JsonNode value = args.get(next++);
                out.append(value.isTextual() ? value.asText() : Jsons.write(value));
                i++;
            } else {
                out.append(c);
            }
        }
        if (next != args.size()) {
            throw new StatesError(FAILURE, "States.Format has more arguments than placeholders");
        }
        return NODES.textNode(out.toString());
    }

    private static JsonNode partition(ArrayNode array, int size) {
        if (size <= 0) {
            throw new StatesError(FAILURE, "States.ArrayPartition chunk size must be positive");
        }
        ArrayNode out = NODES.arrayNode();
        for (int i = 0; i < array.size(); i += size) {
            ArrayNode chunk = out.addArray();
            for (int j = i; j < Math.min(array.size(), i + size); j++) {
                chunk.add(array.get(j));
            }
        }
        return out;
    }

    private static boolean contains(ArrayNode array, JsonNode value) {
        for (JsonNode item : array) {
            if (item.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode range(double from, double to, double step) {
        if (step == 0) {
            throw new StatesError(FAILURE, "States.ArrayRange step must not be 0");
        }
        ArrayNode out = NODES.arrayNode();
        for (long v = (long) from; step > 0 ? v <= to : v >= to; v += (long) step) {
            out.add(integer(v));
            if (out.size() > 1000) {
                throw new StatesError(FAILURE, "States.ArrayRange produces more than 1000 items");
            }
        }
        return out;
    }

    private static JsonNode item(ArrayNode array, int index) {
        if (index < 0 || index >= array.size()) {
            throw new StatesError(FAILURE, "States.ArrayGetItem index " + index + " out of bounds");
        }
        return array.get(index);
    }

    private static String hash(String data, String algorithm) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new StatesError(FAILURE, "States.Hash algorithm must be MD5, SHA-1, SHA-256, SHA-384 or SHA-512");
        }
    }

    /** Shallow merge only: the third argument must be false (the guide: deep merge is not supported). */
    private static JsonNode merge(String f, List<JsonNode> args) {
        if (args.size() != 3 || !args.get(0).isObject() || !args.get(1).isObject() || !args.get(2).isBoolean()) {
            throw new StatesError(FAILURE, f + " takes two objects and false");
        }
        if (args.get(2).asBoolean()) {
            throw new StatesError(FAILURE, f + ": deep merging is not supported");
        }
        ObjectNode out = args.get(0).deepCopy();
        out.setAll((ObjectNode) args.get(1));
        return out;
    }

    private static long random(long start, long end, Random random) {
        return start + (long) (random.nextDouble() * (end - start));
    }

    private static JsonNode add(double a, double b) {
        double sum = a + b;
        return sum == Math.rint(sum) ? integer((long) sum) : NODES.numberNode(sum);
    }

    private static JsonNode split(String text, String delimiters) {
        ArrayNode out = NODES.arrayNode();
        StringBuilder part = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (delimiters.indexOf(c) >= 0) {
                if (part.length() > 0) {
                    out.add(part.toString());
                }
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        if (part.length() > 0) {
            out.add(part.toString());
        }
        return out;
    }

    /** Integers as JSON parsing reads them (an int when it fits), so equal values compare equal. */
    private static JsonNode integer(long value) {
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }

    private static List<JsonNode> toList(ArrayNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static JsonNode arg(String f, List<JsonNode> args, int i) {
        if (i >= args.size()) {
            throw new StatesError(FAILURE, f + " needs at least " + (i + 1) + " arguments");
        }
        return args.get(i);
    }

    private static JsonNode one(String f, List<JsonNode> args) {
        if (args.size() != 1) {
            throw new StatesError(FAILURE, f + " takes exactly one argument");
        }
        return args.get(0);
    }

    private static String text(String f, List<JsonNode> args, int i) {
        JsonNode v = arg(f, args, i);
        if (!v.isTextual()) {
            throw new StatesError(FAILURE, f + ": argument " + (i + 1) + " must be a string, not " + Jsons.cut(v));
        }
        return v.asText();
    }

    private static double number(String f, List<JsonNode> args, int i) {
        JsonNode v = arg(f, args, i);
        if (!v.isNumber()) {
            throw new StatesError(FAILURE, f + ": argument " + (i + 1) + " must be a number, not " + Jsons.cut(v));
        }
        return v.asDouble();
    }

    private static ArrayNode array(String f, List<JsonNode> args, int i) {
        JsonNode v = arg(f, args, i);
        if (!v.isArray()) {
            throw new StatesError(FAILURE, f + ": argument " + (i + 1) + " must be an array, not " + Jsons.cut(v));
        }
        return (ArrayNode) v;
    }
}
