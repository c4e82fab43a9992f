package io.jobform.deploy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds every reference in a template ({@code Ref}, {@code Fn::GetAtt}, {@code ${...}} inside
 * {@code Fn::Sub}, {@code Fn::If} conditions, {@code DependsOn}) that names nothing the
 * template declares.
 */
final class TemplateReferences {

    static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",
            "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final Set<String> parameters;
    private final Set<String> resources;
    private final Set<String> conditions;

    @SuppressWarnings("unchecked")
    TemplateReferences(Map<String, Object> template) {
        parameters = keys(template.get("Parameters"));
        resources = keys(template.get("Resources"));
        conditions = keys(template.get("Conditions"));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> keys(Object section) {
        return section instanceof Map<?, ?> map ? new HashSet<>(((Map<String, Object>) map).keySet()) : Set.of();
    }

    /** Every unresolved reference as {@code kind name (at path)}. */
    List<String> unresolved(Map<String, Object> template) {
        List<String> problems = new ArrayList<>();
        walk(template, "", Set.of(), problems);
        return problems;
    }

    @SuppressWarnings("unchecked")
    private void walk(Object node, String path, Set<String> subLocals, List<String> problems) {
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", subLocals, problems);
            }
            return;
        }
        if (!(node instanceof Map<?, ?>)) {
            return;
        }
        Map<String, Object> map = (Map<String, Object>) node;
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            String at = path + "/" + key;
            switch (key) {
                case "Ref" -> check(value instanceof String s && (isValue(s) || resources.contains(s)), "Ref " + value, at, problems);
                case "Fn::GetAtt" -> check(value instanceof List<?> l && l.size() == 2 && resources.contains(String.valueOf(l.get(0))),
                        "GetAtt " + value, at, problems);
                case "Fn::Sub" -> checkSub(value, at, problems);
                case "Fn::If" -> check(value instanceof List<?> l && l.size() == 3 && conditions.contains(String.valueOf(l.get(0))),
                        "If " + value, at, problems);
                case "Condition" -> {
                    if (value instanceof String s) {
                        check(conditions.contains(s), "Condition " + s, at, problems);
                    }
                }
                case "DependsOn" -> {
                    List<Object> targets = value instanceof List<?> l ? (List<Object>) l : List.of(value);
                    targets.forEach(t -> check(resources.contains(String.valueOf(t)), "DependsOn " + t, at, problems));
                }
                default -> { }
            }
            if (!key.equals("Fn::Sub")) {
                walk(value, at, subLocals, problems);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void checkSub(Object value, String at, List<String> problems) {
        String text;
        Set<String> locals = new HashSet<>();
        if (value instanceof String s) {
            text = s;
        } else if (value instanceof List<?> l && l.size() == 2 && l.get(0) instanceof String s && l.get(1) instanceof Map<?, ?> m) {
            text = s;
            locals.addAll(((Map<String, Object>) m).keySet());
            walk(m, at, Set.of(), problems);
        } else {
            problems.add("Sub with unexpected shape at " + at);
            return;
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        while (matcher.find()) {
            String variable = matcher.group(1);
            String name = variable.contains(".") && !variable.startsWith("AWS::") ? variable.substring(0, variable.indexOf('.')) : variable;
            boolean attribute = variable.contains(".") && !variable.startsWith("AWS::");
            boolean ok = locals.contains(variable) || (attribute ? resources.contains(name) : isValue(name) || resources.contains(name));
            check(ok, "Sub ${" + variable + "}", at, problems);
        }
    }

    private boolean isValue(String name) {
        return parameters.contains(name) || PSEUDO_PARAMETERS.contains(name);
    }

    private static void check(boolean ok, String what, String at, List<String> problems) {
        if (!ok) {
            problems.add(what + " at " + at);
        }
    }
}
