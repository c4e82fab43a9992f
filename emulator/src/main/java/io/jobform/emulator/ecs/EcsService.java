package io.jobform.emulator.ecs;

import io.jobform.emulator.core.RegionalStores;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.core.AwsException;
import io.jobform.emulator.core.AwsRequest;
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
 * Amazon ECS, the task definition part plus DescribeTasks for the tasks Step Functions'
 * simulated ecs:runTask.sync started ({@link #simulatedTasks()}): awsJson1.1 with target prefix
 * AmazonEC2ContainerServiceV20141113 (botocore ecs/2014-11-13). State is kept per region.
 */
public final class EcsService extends JsonService implements TaggedResources, StatefulService {
    private final EmulatorContext context;
    /** The snapshot member holding the simulated tasks, beside one member per region. */
    private static final String TASKS = "simulatedTasks";

    private final RegionalStores<TaskDefinitionStore> regions;
    private final SimulatedTasks tasks = new SimulatedTasks();

    public EcsService(EmulatorContext context) {
        super("ecs", Protocol.AWS_JSON_1_1, EcsErrors::client);
        this.context = context;
        this.regions = new RegionalStores<>(r -> new TaskDefinitionStore(r, context.accountId()));
    }

    @Override
    protected synchronized ObjectNode answer(String operation, AwsRequest request, Fields in) {
        TaskDefinitionStore store = store(request.region());
        TaskDefinitionOperations definitions = new TaskDefinitionOperations(store, context.clock());
        return switch (operation) {
            case "RegisterTaskDefinition" -> definitions.register(in);
            case "DescribeTaskDefinition" -> definitions.describe(in);
            case "DeregisterTaskDefinition" -> definitions.deregister(in);
            case "DeleteTaskDefinitions" -> definitions.delete(in);
            case "ListTaskDefinitionFamilies" -> TaskDefinitionListing.families(store, in);
            case "ListTaskDefinitions" -> TaskDefinitionListing.definitions(store, in);
            case "TagResource" -> EcsTagOperations.tag(store, in);
            case "UntagResource" -> EcsTagOperations.untag(store, in);
            case "ListTagsForResource" -> EcsTagOperations.list(store, in);
            case "DescribeTasks" -> tasks.describe(in, request.region(), context.accountId(), context.clock().instant());
            default -> throw AwsException.unknownOperation(protocol(), operation);
        };
    }

    /**
     * The ACTIVE task definition a RunTask reference (family, family:revision or ARN) resolves
     * to, as DescribeTaskDefinition returns it.
     */
    public synchronized Optional<JsonNode> taskDefinition(String region, String reference) {
        TaskDefinitionStore store = store(region);
        return store.parse(reference).flatMap(store::find)
                .filter(r -> r.status().equals("ACTIVE"))
                .map(r -> (JsonNode) r.body.deepCopy());
    }

    /** Where Step Functions records the tasks it starts and stops. */
    public SimulatedTasks simulatedTasks() {
        return tasks;
    }

    @Override
    public synchronized List<TaggedResource> taggedResources(String region) {
        return store(region).all().stream()
                .filter(r -> r.status().equals("ACTIVE") || r.status().equals("INACTIVE"))
                .map(r -> new TaggedResource(r.arn(), "ecs:task-definition", Map.copyOf(r.tags)))
                .toList();
    }

    @Override
    public synchronized JsonNode snapshot() {
        ObjectNode out = regions.snapshot();
        out.set(TASKS, tasks.snapshot());
        return out;
    }

    @Override
    public synchronized void restore(JsonNode snapshot) {
        tasks.restore(snapshot.path(TASKS));
        regions.restore(snapshot, TASKS);
    }

    private TaskDefinitionStore store(String region) {
        return regions.get(region);
    }
}
