package io.jobform.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The Lambda entry point ({@code io.jobform.lambda.JobformHandler::handleRequest}): parses the
 * payload, coalesces all its events into at most one reconcile, runs it with the remaining
 * time as deadline and answers with a summary, or for SQS with the batch item failures.
 */
public final class JobformHandler implements RequestStreamHandler, AutoCloseable {

    /** Longest time kept back from the Lambda timeout to finish the reconcile cleanly. */
    static final Duration MAX_SAFETY_MARGIN = Duration.ofSeconds(60);

    private final HandlerConfig config;
    private final ReconcileRunner runner;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final JsonLog log;
    private final EventParser parser;
    private final Coalescer coalescer;

    /** Used by the Lambda runtime: configuration from the environment, clients built once here. */
    public JobformHandler() {
        this(HandlerConfig.fromEnvironment(System.getenv()), EngineWiring::runnerFor, Clock.systemUTC(), System.out);
    }

    public JobformHandler(HandlerConfig config, Function<HandlerConfig, ReconcileRunner> runnerFactory,
                          Clock clock, PrintStream out) {
        this.config = config;
        this.clock = clock;
        this.log = new JsonLog(json, out, clock, config.instance().instance());
        this.parser = new EventParser(json);
        this.coalescer = new Coalescer(config.scope());
        this.runner = config.usable() ? runnerFactory.apply(config) : (request, deadline) ->
                ReconcileOutcome.failed("configuration: " + String.join("; ", config.problems()));
        Priming.prime(json, config, config.usable() ? EngineWiring.warmers(config) : List.of());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Instant start = clock.instant();
        JsonLog requestLog = log.forRequest(context.getAwsRequestId());
        Optional<JsonNode> payload = read(input, requestLog);
        Invocation invocation = parser.parse(payload.orElse(null));
        CoalescedInvocation coalesced = coalescer.coalesce(invocation);
        for (CoalescedInvocation.Note note : coalesced.notes()) {
            String text = note.messageId().map(id -> "message " + id + ": ").orElse("") + note.text();
            if (note.warning()) {
                requestLog.warn(text);
            } else {
                requestLog.info(text);
            }
        }
        ObjectNode response;
        if (coalesced.request().isEmpty()) {
            requestLog.info("nothing to reconcile");
            response = invocation.sqsBatch() ? new BatchResponse(json).document(Set.of()) : status("IGNORED");
        } else {
            ReconcileRequest request = coalesced.request().get();
            Instant deadline = deadline(start, context.getRemainingTimeInMillis());
            requestLog.info("reconcile started: " + request.describe() + "; deadline " + deadline);
            ReconcileOutcome outcome = runSafely(request, deadline);
            outcome.entries().forEach(entry -> requestLog.write(
                    entry.error() ? JsonLog.Level.ERROR : JsonLog.Level.INFO, entry.message(), entry.job(), entry.resource()));
            Duration duration = Duration.between(start, clock.instant());
            requestLog.raw(new EmfMetrics(json).document(config.instance().instance(), clock.instant(), outcome, duration));
            requestLog.write(outcome.completed() ? JsonLog.Level.INFO : JsonLog.Level.WARN,
                    summary(request, outcome, duration), Optional.empty(), Optional.empty());
            response = invocation.sqsBatch()
                    ? new BatchResponse(json).document(BatchResponse.failedMessages(coalesced, outcome))
                    : outcomeStatus(request, outcome);
        }
        json.writeValue(output, response);
    }

    /** Closes the runner's clients (tests, local runs); the Lambda runtime simply ends the process. */
    @Override
    public void close() throws Exception {
        if (runner instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** Now plus the remaining time, less a margin (at most 60 s, at most a fifth of what remains). */
    static Instant deadline(Instant now, long remainingMillis) {
        Duration remaining = Duration.ofMillis(Math.max(0, remainingMillis));
        Duration margin = remaining.dividedBy(5).compareTo(MAX_SAFETY_MARGIN) < 0 ? remaining.dividedBy(5) : MAX_SAFETY_MARGIN;
        return now.plus(remaining).minus(margin);
    }

    private Optional<JsonNode> read(InputStream input, JsonLog requestLog) {
        try {
            return Optional.ofNullable(json.readTree(input));
        } catch (IOException e) {
            requestLog.warn("payload is not JSON; nothing to do");
            return Optional.empty();
        }
    }

    private ReconcileOutcome runSafely(ReconcileRequest request, Instant deadline) {
        try {
            return runner.run(request, deadline);
        } catch (RuntimeException e) {
            // The boundary: one line naming the failure, no stack trace in the function's log.
            return ReconcileOutcome.failed("reconcile failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static String summary(ReconcileRequest request, ReconcileOutcome outcome, Duration duration) {
        return (request.planOnly() ? "plan " : "reconcile ") + outcome.status().name().toLowerCase().replace('_', ' ')
                + " in " + duration.toMillis() + " ms: " + outcome.totalChanges() + " changes " + outcome.changesByAction()
                + ", " + outcome.failures() + " failed, " + outcome.invalidManifests() + " invalid manifests"
                + outcome.apiCalls().stream().mapToObj(c -> ", " + c + " API calls").findFirst().orElse("");
    }

    private ObjectNode status(String status) {
        ObjectNode node = json.createObjectNode();
        node.put("status", status);
        return node;
    }

    private ObjectNode outcomeStatus(ReconcileRequest request, ReconcileOutcome outcome) {
        ObjectNode node = status(outcome.status().name());
        node.put("trigger", request.describe());
        node.put("planOnly", request.planOnly());
        ObjectNode changes = node.putObject("changes");
        outcome.changesByAction().forEach(changes::put);
        node.put("failures", outcome.failures());
        node.put("invalidManifests", outcome.invalidManifests());
        return node;
    }
}
