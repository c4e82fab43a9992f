package io.jobform.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Warms the handler's own code paths during init, so a SnapStart snapshot (taken after init)
 * holds loaded and linked classes. org.crac and aws-lambda-java-core's hooks are not available
 * to this build (aws-lambda-java-core 1.2.3 and 1.3.0 carry no runtime hooks), so priming runs
 * in the handler's constructor. It parses and coalesces a bundled sample event, renders a log
 * and a metrics line into a discarded stream and runs the engine's warmers. It opens no
 * socket and resolves no credentials: nothing in the snapshot may be shared between copies.
 */
final class Priming {

    static final String SAMPLE_EVENT = "/io/jobform/lambda/priming-event.json";

    private Priming() {}

    static void prime(ObjectMapper json, HandlerConfig config, List<Runnable> engineWarmers) {
        try (InputStream sample = Priming.class.getResourceAsStream(SAMPLE_EVENT)) {
            if (sample != null) {
                JsonNode payload = json.readTree(sample);
                Invocation invocation = new EventParser(json).parse(payload);
                CoalescedInvocation coalesced = new Coalescer(config.scope()).coalesce(invocation);
                PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
                JsonLog log = new JsonLog(json, discard, Clock.systemUTC(), config.instance().instance());
                log.info("priming " + coalesced.request().map(ReconcileRequest::describe).orElse(""));
                ReconcileOutcome outcome = new ReconcileOutcome(ReconcileOutcome.Status.COMPLETED,
                        Map.of("Create", 1), 0, 0, OptionalInt.of(1), Set.of(), List.of());
                log.raw(new EmfMetrics(json).document("priming", Clock.systemUTC().instant(), outcome, Duration.ZERO));
                new BatchResponse(json).document(BatchResponse.failedMessages(coalesced, outcome));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("bundled priming event is unreadable", e);
        }
        engineWarmers.forEach(Runnable::run);
    }
}
