package io.jobform.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the intrinsic functions of a template for one set of parameter values, the way
 * CloudFormation would, so that its policies can be linted as the JSON IAM will see. Covers
 * the functions and attributes this template uses; anything else fails loudly.
 */
final class TemplateResolver {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final Map<String, Object> resources;
    private final Map<String, Object> conditions;
    private final Map<String, String> values = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    TemplateResolver(Map<String, Object> template, Map<String, String> parameters) {
        this.resources = (Map<String, Object>) template.get("Resources");
        this.conditions = (Map<String, Object>) template.getOrDefault("Conditions", Map.of());
        values.putAll(parameters);
        values.put("AWS::Partition", "aws");
        values.put("AWS::Region", "us-east-1");
        values.put("AWS::AccountId", "123456789012");
    }

    JsonNode resolve(Object node) {
        return new ObjectMapper().valueToTree(evaluate(node));
    }

    @SuppressWarnings("unchecked")
    private Object evaluate(Object node) {
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(evaluate(item)));
            return out;
        }
        if (!(node instanceof Map<?, ?>)) {
            return node;
        }
        Map<String, Object> map = (Map<String, Object>) node;
        if (map.size() == 1) {
            Map.Entry<String, Object> only = map.entrySet().iterator().next();
            switch (only.getKey()) {
                case "Ref" -> {
                    return ref((String) only.getValue());
                }
                case "Fn::GetAtt" -> {
                    List<Object> parts = (List<Object>) only.getValue();
                    return attribute((String) parts.get(0), (String) parts.get(1));
                }
                case "Fn::Sub" -> {
                    return sub((String) only.getValue());
                }
                case "Fn::If" -> {
                    List<Object> parts = (List<Object>) only.getValue();
                    return evaluate(condition((String) parts.get(0)) ? parts.get(1) : parts.get(2));
                }
                default -> { }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((key, value) -> out.put(key, evaluate(value)));
        return out;
    }

    /** A named condition: Fn::Equals and Fn::Not, the functions this template's conditions use. */
    @SuppressWarnings("unchecked")
    private boolean condition(String name) {
        Object definition = conditions.get(name);
        if (definition == null) {
            throw new IllegalArgumentException("no condition " + name);
        }
        return truth(definition);
    }

    @SuppressWarnings("unchecked")
    private boolean truth(Object node) {
        Map.Entry<String, Object> only = ((Map<String, Object>) node).entrySet().iterator().next();
        List<Object> parts = (List<Object>) only.getValue();
        return switch (only.getKey()) {
            case "Fn::Equals" -> String.valueOf(evaluate(parts.get(0))).equals(String.valueOf(evaluate(parts.get(1))));
            case "Fn::Not" -> !truth(parts.get(0));
            default -> throw new IllegalArgumentException("unsupported condition function " + only.getKey());
        };
    }

    private String sub(String text) {
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            int dot = variable.indexOf('.');
            String value = dot > 0 && !variable.startsWith("AWS::")
                    ? attribute(variable.substring(0, dot), variable.substring(dot + 1))
                    : ref(variable);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private String ref(String name) {
        if (values.containsKey(name)) {
            return values.get(name);
        }
        Map<String, Object> resource = (Map<String, Object>) resources.get(name);
        if (resource == null) {
            throw new IllegalArgumentException("cannot resolve Ref " + name);
        }
        Map<String, Object> properties = (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
        return switch ((String) resource.get("Type")) {
            case "AWS::S3::Bucket" -> evaluate(properties.get("BucketName")).toString();
            case "AWS::IAM::ManagedPolicy" -> "arn:aws:iam::123456789012:policy" + evaluate(properties.get("Path"))
                    + evaluate(properties.get("ManagedPolicyName"));
            case "AWS::Logs::LogGroup" -> evaluate(properties.get("LogGroupName")).toString();
            case "AWS::Lambda::Function" -> evaluate(properties.get("FunctionName")).toString();
            case "AWS::Lambda::Alias" -> "arn:aws:lambda:us-east-1:123456789012:function:"
                    + ref(((Map<String, Object>) properties.get("FunctionName")).get("Ref").toString()) + ":"
                    + properties.get("Name");
            default -> throw new IllegalArgumentException("no Ref value for " + resource.get("Type"));
        };
    }

    @SuppressWarnings("unchecked")
    private String attribute(String name, String attribute) {
        Map<String, Object> resource = (Map<String, Object>) resources.get(name);
        Map<String, Object> properties = (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
        String type = (String) resource.get("Type");
        if (!attribute.equals("Arn")) {
            throw new IllegalArgumentException("no value for " + name + "." + attribute);
        }
        return switch (type) {
            case "AWS::S3::Bucket" -> "arn:aws:s3:::" + ref(name);
            case "AWS::SQS::Queue" -> "arn:aws:sqs:us-east-1:123456789012:" + evaluate(properties.get("QueueName"));
            case "AWS::Logs::LogGroup" -> "arn:aws:logs:us-east-1:123456789012:log-group:" + ref(name) + ":*";
            case "AWS::IAM::Role" -> "arn:aws:iam::123456789012:role" + evaluate(properties.get("Path")) + name;
            default -> throw new IllegalArgumentException("no Arn for " + type);
        };
    }
}
