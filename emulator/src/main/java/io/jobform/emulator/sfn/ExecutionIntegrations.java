package io.jobform.emulator.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.emulator.jsonapi.JsonBody;
import io.jobform.emulator.sfn.asl.Integrations;
import io.jobform.emulator.sfn.asl.StatesError;
import io.jobform.emulator.sfn.asl.TaskAnswer;
import io.jobform.emulator.sfn.asl.TaskCall;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The integrations one execution calls: scripted results when a test scripted this execution,
 * otherwise ecs:runTask.sync (simulated task), sns:publish (recorded) and aws-sdk:sfn:*. Any
 * other resource fails the execution with States.Runtime naming it.
 */
final class ExecutionIntegrations implements Integrations {
    private static final Pattern SERVICE = Pattern.compile("^arn:aws[a-z-]*:states:::(.+)$");

    private final StateMachineStore store;
    private final ExecutionRunner runner;
    private final RunSupport support;
    private final EcsTaskSimulation ecs;
    private final Optional<ScriptedResults> script;

    ExecutionIntegrations(StateMachineStore store, ExecutionRunner runner, RunSupport support,
            Optional<Map<String, List<JsonNode>>> script, SimulatedRun record) {
        this.store = store;
        this.runner = runner;
        this.support = support;
        this.ecs = new EcsTaskSimulation(support.definitions(), support.outcomes(), support.tasks(), record);
        this.script = script.map(ScriptedResults::new);
    }

    @Override
    public TaskAnswer call(TaskCall call) {
        if (script.isPresent()) {
            return script.get().answer(call);
        }
        Matcher m = SERVICE.matcher(call.resource());
        String service = m.matches() ? m.group(1) : "";
        if (service.equals("ecs:runTask.sync")) {
            return ecs.run(call, store.region, store.accountId);
        }
        if (service.equals("sns:publish")) {
            return publish(call);
        }
        if (service.startsWith("aws-sdk:sfn:")) {
            return new SfnSdkCalls(store, runner).call(service.substring("aws-sdk:sfn:".length()), call);
        }
        return TaskAnswer.failure(StatesError.RUNTIME, "The emulator does not execute the resource '" + call.resource()
                + "'", call.at());
    }

    /** "Publish messages to an Amazon SNS topic": the result carries the MessageId. */
    private TaskAnswer publish(TaskCall call) {
        JsonNode p = call.parameters();
        String topic = p.path("TopicArn").asText("");
        if (!topic.startsWith("arn:") || !topic.contains(":sns:") || !p.has("Message")) {
            return TaskAnswer.failure("SNS.InvalidParameterException", "Invalid parameter: TopicArn or Message "
                    + "(Service: Sns, Status Code: 400)", call.at());
        }
        JsonNode message = p.get("Message");
        String text = message.isTextual() ? message.asText() : message.toString();
        String id = UUID.nameUUIDFromBytes((call.execution().executionArn() + call.at() + text)
                .getBytes(StandardCharsets.UTF_8)).toString();
        support.published().add(new PublishedMessage(topic, Optional.ofNullable(p.path("Subject").textValue()), text,
                call.at(), call.execution().executionArn(), id));
        return TaskAnswer.result(JsonBody.object().put("MessageId", id), call.at());
    }
}
