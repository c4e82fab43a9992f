package io.jobform.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The job's one essential container (ECS ContainerDefinition members).
 *
 * @param environment name -> value, sent sorted by name
 * @param secrets     name -> valueFrom (a Secrets Manager secret or SSM parameter ARN), sorted
 * @param logOptions  awslogs driver options
 */
public record ContainerDefinitionSpec(
        String name,
        String image,
        List<String> command,
        List<String> entryPoint,
        Map<String, String> environment,
        Map<String, String> secrets,
        Map<String, String> logOptions) {

    public ContainerDefinitionSpec {
        command = List.copyOf(command);
        entryPoint = List.copyOf(entryPoint);
        environment = Map.copyOf(environment);
        secrets = Map.copyOf(secrets);
        logOptions = Map.copyOf(logOptions);
    }

    public JsonNode toJson() {
        ObjectNode out = CanonicalJson.object();
        out.put("name", name);
        out.put("image", image);
        out.put("essential", true);
        if (!command.isEmpty()) {
            ArrayNode c = out.putArray("command");
            command.forEach(c::add);
        }
        if (!entryPoint.isEmpty()) {
            ArrayNode e = out.putArray("entryPoint");
            entryPoint.forEach(e::add);
        }
        ArrayNode env = out.putArray("environment");
        new TreeMap<>(environment).forEach((k, v) -> env.addObject().put("name", k).put("value", v));
        ArrayNode sec = out.putArray("secrets");
        new TreeMap<>(secrets).forEach((k, v) -> sec.addObject().put("name", k).put("valueFrom", v));
        ObjectNode log = out.putObject("logConfiguration");
        log.put("logDriver", "awslogs");
        ObjectNode options = log.putObject("options");
        new TreeMap<>(logOptions).forEach(options::put);
        return out;
    }
}
