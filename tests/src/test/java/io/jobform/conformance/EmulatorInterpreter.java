package io.jobform.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.jobform.emulator.Emulator;
import io.jobform.emulator.EmulatorOptions;
import io.jobform.emulator.sfn.StepFunctionsService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Runs scenarios in the emulator through the real Step Functions SDK client: CreateStateMachine,
 * the scripted Task results, StartExecution, then the clock moved two days on, DescribeExecution
 * and GetExecutionHistory. {@link #run(String, String, String)} is the one-call form.
 */
public final class EmulatorInterpreter implements AutoCloseable {
    private final SettableClock clock = new SettableClock();
    private final Emulator emulator;
    private final SfnClient sfn;
    private final Map<String, String> machines = new HashMap<>();

    public EmulatorInterpreter() {
        emulator = Emulator.start(EmulatorOptions.defaults().withClock(clock));
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEMULATOR", "secret"));
        try (IamClient iam = IamClient.builder().endpointOverride(emulator.endpoint()).region(Region.AWS_GLOBAL)
                .httpClient(UrlConnectionHttpClient.create()).credentialsProvider(credentials).build()) {
            iam.createRole(r -> r.roleName("conformance-states").assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"states.amazonaws.com"},
                    "Action":"sts:AssumeRole"}]}"""));
        }
        sfn = SfnClient.builder().endpointOverride(emulator.endpoint()).region(Region.of(Scenario.REGION))
                .httpClient(UrlConnectionHttpClient.create()).credentialsProvider(credentials).build();
    }

    /** Runs one definition with one input and scripted Task results (JSON texts). */
    public RunOutcome run(String definitionJson, String inputJson, String scriptJson) {
        try {
            JsonNode script = TaskScript.JSON.readTree(scriptJson);
            Map<String, List<JsonNode>> byState = new LinkedHashMap<>();
            script.fields().forEachRemaining(e -> {
                List<JsonNode> results = new ArrayList<>();
                e.getValue().forEach(results::add);
                byState.put(e.getKey(), results);
            });
            return run(new Scenario("adhoc", "adhoc-" + Integer.toHexString(definitionJson.hashCode()),
                    "run-" + machines.size() + "-" + System.nanoTime(), TaskScript.JSON.readTree(definitionJson),
                    TaskScript.JSON.readTree(inputJson), new TaskScript(byState)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public RunOutcome run(Scenario s) {
        String definition = s.definition().toString();
        String known = machines.get(s.machineName());
        if (known == null) {
            sfn.createStateMachine(r -> r.name(s.machineName()).definition(definition).roleArn(Scenario.ROLE));
            machines.put(s.machineName(), definition);
        } else if (!known.equals(definition)) {
            throw new IllegalArgumentException("machine " + s.machineName() + " was created with another definition");
        }
        emulator.service(StepFunctionsService.class).script(s.executionName(), s.script().byState());
        Instant start = s.startTime();
        clock.set(start);
        String arn = sfn.startExecution(r -> r.stateMachineArn(s.machineArn()).name(s.executionName())
                .input(s.input().toString())).executionArn();
        clock.set(start.plus(Duration.ofDays(2)));
        var described = sfn.describeExecution(r -> r.executionArn(arn));
        List<String> visited = new ArrayList<>();
        Map<String, List<JsonNode>> calls = new LinkedHashMap<>();
        for (var page : sfn.getExecutionHistoryPaginator(r -> r.executionArn(arn).maxResults(1000))) {
            for (HistoryEvent e : page.events()) {
                if (e.stateEnteredEventDetails() != null) {
                    visited.add(e.stateEnteredEventDetails().name());
                }
                // A Task state's call follows its entry; the emulator runs Map iterations one by one.
                if (e.taskScheduledEventDetails() != null && !visited.isEmpty()) {
                    calls.computeIfAbsent(visited.get(visited.size() - 1), k -> new ArrayList<>())
                            .add(json(e.taskScheduledEventDetails().parameters()));
                }
            }
        }
        Optional<JsonNode> output = Optional.ofNullable(described.output()).map(EmulatorInterpreter::json);
        return new RunOutcome(described.statusAsString(), output, Optional.ofNullable(described.error()),
                Optional.ofNullable(described.cause()), List.copyOf(visited), Map.copyOf(calls));
    }

    private static JsonNode json(String text) {
        try {
            return TaskScript.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        sfn.close();
        emulator.close();
    }
}
