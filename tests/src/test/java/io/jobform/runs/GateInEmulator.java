package io.jobform.runs;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.conformance.SettableClock;
import io.jobform.emulator.Emulator;
import io.jobform.emulator.EmulatorOptions;
import io.jobform.emulator.sfn.StepFunctionsService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * The emulator with the real SDK clients, for executing rendered machines with the emulator's
 * own integrations (no scripted results): the states role, the job's task definition
 * ({@code jobform-job}, as {@link RenderedJob} names it) and a clock the test moves.
 */
final class GateInEmulator implements AutoCloseable {
    static final String ROLE = "arn:aws:iam::123456789012:role/gate-states";

    final SettableClock clock = new SettableClock();
    final Emulator emulator = Emulator.start(EmulatorOptions.defaults().withClock(clock));
    final SfnClient sfn;

    GateInEmulator() {
        clock.set(Instant.parse("2026-03-01T02:00:00Z"));
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEMULATOR", "secret"));
        try (IamClient iam = IamClient.builder().endpointOverride(emulator.endpoint()).region(Region.AWS_GLOBAL)
                .httpClient(UrlConnectionHttpClient.create()).credentialsProvider(credentials).build();
                EcsClient ecs = EcsClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                        .httpClient(UrlConnectionHttpClient.create()).credentialsProvider(credentials).build()) {
            iam.createRole(r -> r.roleName("gate-states").assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"states.amazonaws.com"},
                    "Action":"sts:AssumeRole"}]}"""));
            ecs.registerTaskDefinition(r -> r.family("jobform-job").requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("job").image("public.ecr.aws/docker/library/busybox:1.36").essential(true)));
        }
        sfn = SfnClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create()).credentialsProvider(credentials).build();
        // IAM is eventually consistent, in the emulator too: the role is usable a little later.
        clock.set(clock.instant().plus(Duration.ofMinutes(1)));
    }

    StepFunctionsService states() {
        return emulator.service(StepFunctionsService.class);
    }

    String createMachine(String name, String definition) {
        return sfn.createStateMachine(r -> r.name(name).definition(definition).roleArn(ROLE)).stateMachineArn();
    }

    String start(String machineArn, String name) {
        return sfn.startExecution(r -> r.stateMachineArn(machineArn).name(name).input("{}")).executionArn();
    }

    /** Moves the clock past anything the executions computed, so their endings show. */
    void later() {
        clock.set(clock.instant().plus(Duration.ofDays(2)));
    }

    /** The names of the states the execution entered, in order. */
    List<String> entered(String executionArn) {
        List<String> names = new ArrayList<>();
        for (var page : sfn.getExecutionHistoryPaginator(r -> r.executionArn(executionArn).maxResults(1000))) {
            for (HistoryEvent e : page.events()) {
                if (e.stateEnteredEventDetails() != null) {
                    names.add(e.stateEnteredEventDetails().name());
                }
            }
        }
        return names;
    }

    /** Per Task state in order of the calls: its parameters and its result, as the history records them. */
    List<TaskCallRecord> taskCalls(String executionArn) {
        List<TaskCallRecord> calls = new ArrayList<>();
        String state = "";
        String parameters = "";
        for (var page : sfn.getExecutionHistoryPaginator(r -> r.executionArn(executionArn).maxResults(1000))) {
            for (HistoryEvent e : page.events()) {
                if (e.stateEnteredEventDetails() != null) {
                    state = e.stateEnteredEventDetails().name();
                } else if (e.taskScheduledEventDetails() != null) {
                    parameters = e.taskScheduledEventDetails().parameters();
                } else if (e.taskSucceededEventDetails() != null) {
                    calls.add(new TaskCallRecord(state, json(parameters), json(e.taskSucceededEventDetails().output())));
                }
            }
        }
        return calls;
    }

    record TaskCallRecord(String state, JsonNode parameters, JsonNode result) {}

    private static JsonNode json(String text) {
        try {
            return TaskScript.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        sfn.close();
        emulator.close();
    }
}
