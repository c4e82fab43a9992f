package io.jobform.emulator.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The awslogs streams of a simulated task's containers and the lines the emulator writes for
 * them. Stream names follow the ECS developer guide, "Send Amazon ECS logs to CloudWatch"
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html):
 * {@code prefix-name/container-name/ecs-task-id}; Fargate requires {@code awslogs-stream-prefix},
 * so a container without one gets no stream here.
 */
final class ContainerOutput {
    /** Marks every line the emulator writes itself: nothing really ran. */
    static final String NOTE = "[jobform emulator] ";

    record Stream(String region, String group, String stream, String container, String image, String command) {}

    private ContainerOutput() {}

    static List<Stream> streams(JsonNode definition, JsonNode request, String taskArn, String region) {
        String taskId = taskArn.substring(taskArn.lastIndexOf('/') + 1);
        List<Stream> out = new ArrayList<>();
        for (JsonNode c : definition.path("containerDefinitions")) {
            JsonNode log = c.path("logConfiguration");
            JsonNode options = log.path("options");
            if (!log.path("logDriver").asText().equals("awslogs") || !options.has("awslogs-group")
                    || !options.has("awslogs-stream-prefix")) {
                continue;
            }
            String name = c.path("name").asText();
            out.add(new Stream(options.path("awslogs-region").asText(region), options.path("awslogs-group").asText(),
                    options.path("awslogs-stream-prefix").asText() + "/" + name + "/" + taskId, name,
                    c.path("image").asText(), command(c, request)));
        }
        return out;
    }

    static String started(Stream s) {
        return NOTE + "simulated container " + s.container() + " started from " + s.image() + "; it would run "
                + s.command();
    }

    static String exited(Stream s, int code) {
        return NOTE + "simulated container " + s.container() + " exited with code " + code;
    }

    static String stopped(String stopCode, String reason) {
        return NOTE + "simulated task stopped (" + stopCode + "): " + reason;
    }

    /**
     * The definition's entry point, if any, then the override's Command when the RunTask sets
     * one for this container, else the definition's.
     */
    private static String command(JsonNode container, JsonNode request) {
        String entryPoint = container.has("entryPoint") ? container.get("entryPoint") + " " : "";
        for (JsonNode o : request.path("Overrides").path("ContainerOverrides")) {
            if (o.path("Name").asText().equals(container.path("name").asText()) && o.has("Command")) {
                return entryPoint + o.get("Command");
            }
        }
        return container.has("command") ? entryPoint + container.get("command")
                : entryPoint.isEmpty() ? "the image's default command" : entryPoint.strip();
    }
}
