package io.jobform.emulator.sfn;

import io.jobform.emulator.core.RegionalStores;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.core.AwsException;
import io.jobform.emulator.core.AwsRequest;
import io.jobform.emulator.core.AwsResponse;
import io.jobform.emulator.core.EmulatorContext;
import io.jobform.emulator.core.Protocol;
import io.jobform.emulator.core.StatefulService;
import io.jobform.emulator.core.TaggedResource;
import io.jobform.emulator.core.TaggedResources;
import io.jobform.emulator.jsonapi.Fields;
import io.jobform.emulator.jsonapi.JsonBody;
import io.jobform.emulator.jsonapi.JsonService;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AWS Step Functions over awsJson1.0 with target prefix AWSStepFunctions (botocore
 * stepfunctions/2016-11-23). Executions run on the emulator's clock through the interpreter in
 * {@code io.jobform.emulator.sfn.asl}; {@link #taskOutcomes()} chooses how simulated ECS tasks
 * end, {@link #publishedMessages()} shows what sns:publish sent, {@link #script} replaces the
 * integrations of one execution by scripted results, and {@link #completeExecution} still ends
 * an execution by hand.
 */
public final class StepFunctionsService extends JsonService implements TaggedResources, StatefulService {
    private final EmulatorContext context;
    private final RegionalStores<StateMachineStore> regions;
    private final TaskOutcomes outcomes = new TaskOutcomes();
    private final List<PublishedMessage> published = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, Map<String, List<JsonNode>>> scripts = new java.util.concurrent.ConcurrentHashMap<>();
    private final TaskDefinitionLookup definitions;
    private final TaskLedger tasks;
    private final ContainerLogs logs;
    private volatile boolean hold;

    public StepFunctionsService(EmulatorContext context) {
        this(context, (region, reference) -> Optional.empty(), TaskLedger.NONE, ContainerLogs.NONE);
    }

    /**
     * @param definitions where ecs:runTask.sync finds task definitions (the emulator's ECS)
     * @param tasks       where it records the tasks it starts and stops (the emulator's ECS)
     * @param logs        where their containers' awslogs lines go (the emulator's CloudWatch Logs)
     */
    public StepFunctionsService(EmulatorContext context, TaskDefinitionLookup definitions, TaskLedger tasks,
            ContainerLogs logs) {
        super("states", Protocol.AWS_JSON_1_0, SfnErrors::validation);
        this.context = context;
        this.regions = new RegionalStores<>(r -> new StateMachineStore(r, context.accountId()));
        this.definitions = definitions;
        this.tasks = tasks;
        this.logs = logs;
    }

    @Override
    protected synchronized ObjectNode answer(String operation, AwsRequest request, Fields in) {
        StateMachineStore store = store(request.region());
        var machines = new StateMachineOperations(store, context);
        ExecutionRunner runner = runner(store);
        runner.settle();
        var executions = new ExecutionOperations(store, context.clock(), runner);
        return switch (operation) {
            case "CreateStateMachine" -> machines.create(in);
            case "UpdateStateMachine" -> machines.update(in);
            case "DescribeStateMachine" -> machines.describe(in);
            case "DeleteStateMachine" -> machines.delete(in);
            case "ListStateMachines" -> machines.list(in);
            case "ValidateStateMachineDefinition" -> StateMachineOperations.validate(in);
            case "StartExecution" -> executions.start(in);
            case "DescribeExecution" -> executions.describe(in);
            case "ListExecutions" -> executions.list(in);
            case "StopExecution" -> executions.stop(in);
            case "RedriveExecution" -> executions.redrive(in);
            case "GetExecutionHistory" -> ExecutionHistory.get(store, in, context.clock().instant());
            case "TagResource" -> SfnTags.tag(store, in);
            case "UntagResource" -> SfnTags.untag(store, in);
            case "ListTagsForResource" -> SfnTags.list(store, in);
            default -> throw AwsException.unknownOperation(protocol(), operation);
        };
    }

    /**
     * Completes a RUNNING execution. Throws the service's ExecutionDoesNotExist/InvalidArn
     * {@link AwsException} for unknown ARNs and IllegalStateException when it is not RUNNING.
     */
    public synchronized void completeExecution(String executionArn, ExecutionOutcome outcome) {
        String region = SfnNames.regionOfExecution(executionArn).orElseThrow(() -> SfnErrors.invalidArn(executionArn));
        ExecutionRunner runner = runner(store(region));
        runner.settle();
        new ExecutionOperations(store(region), context.clock(), runner).complete(executionArn, outcome);
    }

    /** Chooses how simulated ECS tasks end, per execution name or task definition family. */
    public TaskOutcomes taskOutcomes() {
        return outcomes;
    }

    /** Every message sns:publish sent, oldest first. */
    public List<PublishedMessage> publishedMessages() {
        return List.copyOf(published);
    }

    /**
     * Answers every Task state of the execution with this name from scripted results instead of
     * the simulated services: per state name, entries taken in order (see {@code ScriptedResults}).
     * Set before the execution starts.
     */
    public void script(String executionName, Map<String, List<JsonNode>> resultsByState) {
        scripts.put(executionName, Map.copyOf(resultsByState));
    }

    /**
     * With {@code true}, executions started from now on are not executed: they stay RUNNING
     * after ExecutionStarted until {@link #completeExecution} ends them, for tests that choose
     * the execution's outcome themselves.
     */
    public void holdExecutions(boolean holdThem) {
        this.hold = holdThem;
    }

    /** Forgets task outcomes, scripts and published messages. */
    public void resetRunHooks() {
        outcomes.clear();
        scripts.clear();
        published.clear();
    }

    /** Ends the executions and writes the container log lines the clock has reached, in every region. */
    public synchronized void settle() {
        regions.all().forEach(store -> runner(store).settle());
    }

    /** ARNs of the executions in a region with the given status, oldest first. */
    public synchronized List<String> executionArns(String region, String status) {
        runner(store(region)).settle();
        return store(region).machines().values().stream()
                .flatMap(m -> m.executions.values().stream())
                .filter(e -> e.path("status").asText().equals(status))
                .map(e -> e.path("executionArn").asText())
                .toList();
    }

    /**
     * POST .../executions/complete with {executionArn, status, output | error, cause} and
     * GET .../executions?region=&status= (default RUNNING) listing execution ARNs.
     */
    @Override
    public Optional<AwsResponse> admin(AwsRequest request) {
        return StatesAdmin.handle(this, request);
    }

    @Override
    public synchronized List<TaggedResource> taggedResources(String region) {
        return store(region).machines().values().stream()
                .map(m -> new TaggedResource(m.arn(), "states:stateMachine", Map.copyOf(m.tags)))
                .toList();
    }

    @Override
    public synchronized JsonNode snapshot() {
        return regions.snapshot();
    }

    @Override
    public synchronized void restore(JsonNode snapshot) {
        regions.restore(snapshot);
    }

    private ExecutionRunner runner(StateMachineStore store) {
        return new ExecutionRunner(store, context.clock(), new RunSupport(outcomes, definitions, tasks, logs, published, scripts, hold));
    }

    private StateMachineStore store(String region) {
        return regions.get(region);
    }
}
