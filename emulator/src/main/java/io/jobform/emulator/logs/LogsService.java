package io.jobform.emulator.logs;

import io.jobform.emulator.core.RegionalStores;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.core.AwsException;
import io.jobform.emulator.core.AwsRequest;
import io.jobform.emulator.core.AwsResponse;
import io.jobform.emulator.core.EmulatorContext;
import io.jobform.emulator.core.Protocol;
import io.jobform.emulator.core.StatefulService;
import io.jobform.emulator.jsonapi.Fields;
import io.jobform.emulator.jsonapi.JsonBody;
import io.jobform.emulator.jsonapi.JsonService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Amazon CloudWatch Logs, the calls jobform and the awslogs driver make: awsJson1.1 with
 * target prefix Logs_20140328, signing name logs (botocore logs/2014-03-28). Simulated tasks
 * write their output through {@link #write}, as the awslogs driver would.
 */
public final class LogsService extends JsonService implements StatefulService {
    private final EmulatorContext context;
    private final RegionalStores<LogStore> regions;
    private volatile Runnable beforeRead = () -> { };

    public LogsService(EmulatorContext context) {
        super("logs", Protocol.AWS_JSON_1_1, LogsErrors::invalid);
        this.context = context;
        this.regions = new RegionalStores<>(r -> new LogStore());
    }

    /**
     * Runs before every read, outside this service's lock: Step Functions writes the lines its
     * simulated containers have reached by then (it writes here under its own lock, so never
     * the other way round).
     */
    public void beforeReads(Runnable hook) {
        this.beforeRead = hook;
    }

    @Override
    protected ObjectNode answer(String operation, AwsRequest request, Fields in) {
        if (operation.equals("GetLogEvents") || operation.equals("FilterLogEvents")) {
            beforeRead.run();
        }
        synchronized (this) {
            LogStore store = store(request.region());
            Instant now = context.clock().instant();
            return switch (operation) {
                case "CreateLogGroup" -> new LogWrites(store, now).createGroup(in);
                case "CreateLogStream" -> new LogWrites(store, now).createStream(in);
                case "PutLogEvents" -> new LogWrites(store, now).put(in);
                case "GetLogEvents" -> new LogReads(store).get(in);
                case "FilterLogEvents" -> new LogReads(store).filter(in);
                default -> throw AwsException.unknownOperation(protocol(), operation);
            };
        }
    }

    /**
     * Appends lines to a stream, creating group and stream when missing, the way the awslogs
     * driver does with {@code awslogs-create-group: true}. Each line is one event stamped now.
     */
    public synchronized void write(String region, String group, String stream, List<String> lines) {
        write(region, group, stream, lines, context.clock().instant());
    }

    /**
     * As {@link #write(String, String, String, List)}, each line stamped {@code at}: the moment a
     * simulated container wrote it, which the emulator's clock may have passed already.
     */
    public synchronized void write(String region, String group, String stream, List<String> lines, Instant at) {
        LogStore store = store(region);
        if (!store.hasGroup(group)) {
            store.createGroup(group);
        }
        var target = store.group(group).computeIfAbsent(stream, s -> new ArrayList<>());
        long ingested = context.clock().millis();
        lines.forEach(line -> store.append(target, at.toEpochMilli(), line, ingested));
    }

    /** POST /_emulator/logs/events with {region, logGroupName, logStreamName, messages: [..]}. */
    @Override
    public Optional<AwsResponse> admin(AwsRequest request) {
        if (!request.path().replaceAll("/+$", "").endsWith("/events") || !request.method().equals("POST")) {
            return Optional.empty();
        }
        try {
            Fields in = JsonBody.parse(request.body(), IllegalArgumentException::new);
            write(in.string("region").orElse(request.region()), in.requiredString("logGroupName"),
                    in.requiredString("logStreamName"), in.strings("messages"));
            return Optional.of(JsonBody.ok("application/json", JsonBody.object().put("status", "ok")));
        } catch (IllegalArgumentException e) {
            return Optional.of(AwsResponse.of(400, "application/json",
                    JsonBody.object().put("message", e.getMessage()).toString()));
        }
    }

    @Override
    public synchronized JsonNode snapshot() {
        return regions.snapshot();
    }

    @Override
    public synchronized void restore(JsonNode snapshot) {
        regions.restore(snapshot);
    }

    private LogStore store(String region) {
        return regions.get(region);
    }
}
