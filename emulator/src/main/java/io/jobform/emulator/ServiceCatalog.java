package io.jobform.emulator;

import io.jobform.emulator.core.AwsService;
import io.jobform.emulator.core.EmulatorContext;
import io.jobform.emulator.core.TaggedResources;
import io.jobform.emulator.ecs.EcsService;
import io.jobform.emulator.ecs.EcsTaskLedger;
import io.jobform.emulator.iam.IamService;
import io.jobform.emulator.logs.LogsService;
import io.jobform.emulator.s3.S3Service;
import io.jobform.emulator.scheduler.SchedulerService;
import io.jobform.emulator.sfn.StepFunctionsService;
import io.jobform.emulator.tagging.TaggingService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every emulated service, keyed by SigV4 signing name. */
public final class ServiceCatalog {
    private final Map<String, AwsService> bySigningName = new LinkedHashMap<>();

    private ServiceCatalog(List<AwsService> services) {
        for (AwsService s : services) {
            if (bySigningName.putIfAbsent(s.signingName(), s) != null) {
                throw new IllegalStateException("two services sign as " + s.signingName());
            }
        }
    }

    /**
     * Builds the services. IAM is created by the caller because the context's
     * {@link io.jobform.emulator.core.RoleDirectory} is the IAM service itself.
     */
    public static ServiceCatalog create(EmulatorContext ctx, IamService iam) {
        return create(ctx, iam, List.of());
    }

    /** As {@link #create(EmulatorContext, IamService)} plus {@code extra} services (before Tagging). */
    public static ServiceCatalog create(EmulatorContext ctx, IamService iam, List<AwsService> extra) {
        List<AwsService> services = new ArrayList<>();
        services.add(new S3Service(ctx));
        services.add(iam);
        EcsService ecs = new EcsService(ctx);
        services.add(ecs);
        services.add(new SchedulerService(ctx));
        LogsService logs = new LogsService(ctx);
        StepFunctionsService states = new StepFunctionsService(ctx, ecs::taskDefinition,
                new EcsTaskLedger(ecs.simulatedTasks()), logs::write);
        logs.beforeReads(states::settle);
        services.add(states);
        services.add(logs);
        services.addAll(extra);
        List<TaggedResources> tagged = services.stream()
                .filter(TaggedResources.class::isInstance).map(TaggedResources.class::cast).toList();
        services.add(new TaggingService(tagged, ctx.clock()));
        return new ServiceCatalog(services);
    }

    public Optional<AwsService> service(String signingName) {
        return Optional.ofNullable(bySigningName.get(signingName));
    }

    public List<AwsService> services() {
        return Collections.unmodifiableList(new ArrayList<>(bySigningName.values()));
    }

    /** The one service of the given class; fails when it is not part of the catalog. */
    public <T> T require(Class<T> type) {
        return bySigningName.values().stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("no service " + type.getSimpleName()));
    }
}
