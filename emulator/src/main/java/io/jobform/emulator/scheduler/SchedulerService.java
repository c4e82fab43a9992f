package io.jobform.emulator.scheduler;

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

/** Amazon EventBridge Scheduler over restJson1 (botocore scheduler/2021-06-30), state per region. */
public final class SchedulerService extends JsonService implements TaggedResources, StatefulService {
    private final EmulatorContext context;
    private final RegionalStores<ScheduleStore> regions;

    public SchedulerService(EmulatorContext context) {
        super("scheduler", Protocol.REST_JSON, SchedulerErrors::validation);
        this.context = context;
        this.regions = new RegionalStores<>(r -> new ScheduleStore(r, context.accountId(), context.clock().instant()));
    }

    @Override
    public String operation(AwsRequest request) {
        return SchedulerRoute.of(request).operation();
    }

    @Override
    protected synchronized ObjectNode answer(String operation, AwsRequest request, Fields body) {
        SchedulerRoute route = SchedulerRoute.of(request);
        ScheduleStore store = store(request.region());
        var schedules = new ScheduleOperations(store, context);
        var groups = new ScheduleGroupOperations(store, context.clock());
        return switch (operation) {
            case "CreateSchedule" -> schedules.create(route.name(), body);
            case "UpdateSchedule" -> schedules.update(route.name(), body);
            case "GetSchedule" -> schedules.get(route.name(), request.queryParam("groupName"));
            case "DeleteSchedule" -> schedules.delete(route.name(), request.queryParam("groupName"));
            case "ListSchedules" -> schedules.list(request);
            case "CreateScheduleGroup" -> groups.create(route.name(), body);
            case "GetScheduleGroup" -> groups.get(route.name());
            case "DeleteScheduleGroup" -> groups.delete(route.name());
            case "ListScheduleGroups" -> groups.list(request);
            case "TagResource" -> groups.tag(route.name(), body);
            case "UntagResource" -> groups.untag(route.name(), request.query().getOrDefault("TagKeys", List.of()));
            case "ListTagsForResource" -> groups.listTags(route.name());
            default -> throw AwsException.unknownOperation(protocol(), request.method() + " " + request.path());
        };
    }

    @Override
    public synchronized List<TaggedResource> taggedResources(String region) {
        return store(region).groups().values().stream()
                .map(g -> new TaggedResource(g.arn, "scheduler:schedule-group", Map.copyOf(g.tags)))
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

    private ScheduleStore store(String region) {
        return regions.get(region);
    }
}
