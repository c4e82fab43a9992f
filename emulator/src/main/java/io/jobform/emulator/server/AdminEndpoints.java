package io.jobform.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.ServiceCatalog;
import io.jobform.emulator.core.AwsException;
import io.jobform.emulator.core.AwsResponse;
import io.jobform.emulator.core.AwsRequest;
import io.jobform.emulator.core.AwsService;
import io.jobform.emulator.hooks.Fault;
import io.jobform.emulator.hooks.Hooks;
import io.jobform.emulator.hooks.RateLimit;
import io.jobform.emulator.tagging.IndexLag;
import io.jobform.emulator.tagging.TaggingService;
import io.jobform.emulator.wire.Json;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The {@code /_emulator/...} JSON endpoints: the same hooks as the Java API, for tests that
 * drive a standalone emulator process. Paths are listed in the emulator README.
 */
public final class AdminEndpoints {
    private static final String JSON = "application/json";

    private final Hooks hooks;
    private final ServiceCatalog catalog;
    private final Supplier<JsonNode> snapshot;
    private final Consumer<JsonNode> restore;

    public AdminEndpoints(Hooks hooks, ServiceCatalog catalog, Supplier<JsonNode> snapshot, Consumer<JsonNode> restore) {
        this.hooks = hooks;
        this.catalog = catalog;
        this.snapshot = snapshot;
        this.restore = restore;
    }

    public AwsResponse handle(AwsRequest request) {
        try {
            return route(request);
        } catch (AwsException e) {
            return Json.response(e.status(), JSON, Json.object().put("error", e.code()).put("message", e.getMessage()));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Json.response(400, JSON, Json.object().put("error", "BadRequest").put("message", String.valueOf(e.getMessage())));
        }
    }

    private AwsResponse route(AwsRequest request) {
        String path = request.path().replaceAll("/+$", "");
        String method = request.method();
        JsonNode body = Json.parseBody(request.body(), "BadRequest");
        switch (method + " " + path) {
            case "GET /_emulator/health":
                return ok(Json.object().put("status", "ok"));
            case "GET /_emulator/calls":
                return ok(calls());
            case "DELETE /_emulator/calls":
                hooks.resetCounters();
                return ok(calls());
            case "PUT /_emulator/latency":
                hooks.latency(Duration.ofMillis(body.path("millis").asLong(0)));
                body.path("operations").fields().forEachRemaining(e ->
                        hooks.latency(e.getKey(), Duration.ofMillis(e.getValue().asLong())));
                return ok(Json.object());
            case "DELETE /_emulator/latency":
                hooks.clearLatency();
                return ok(Json.object());
            case "PUT /_emulator/rate-limits":
                body.path("limits").fields().forEachRemaining(e -> hooks.rateLimit(e.getKey(),
                        new RateLimit(e.getValue().path("burst").asDouble(), e.getValue().path("perSecond").asDouble())));
                if (body.path("enabled").asBoolean(true)) {
                    hooks.enableRateLimits(body.path("scale").asDouble(1.0));
                } else {
                    hooks.disableRateLimits();
                }
                return ok(rateLimits());
            case "GET /_emulator/rate-limits":
                return ok(rateLimits());
            case "DELETE /_emulator/rate-limits":
                hooks.disableRateLimits();
                return ok(rateLimits());
            case "POST /_emulator/faults":
                addFault(body);
                return ok(Json.object());
            case "DELETE /_emulator/faults":
                hooks.clearFaults();
                return ok(Json.object());
            case "PUT /_emulator/iam/propagation-delay":
                hooks.iamPropagationDelay(Duration.ofMillis(body.path("millis").asLong(0)));
                return ok(Json.object());
            case "PUT /_emulator/tagging/index-lag":
                catalog.require(TaggingService.class).indexLag(new IndexLag(
                        Duration.ofMillis(body.path("lagMillis").asLong(0)),
                        Duration.ofMillis(body.path("ghostMillis").asLong(0))));
                return ok(Json.object());
            case "POST /_emulator/reset":
                hooks.reset();
                catalog.require(TaggingService.class).indexLag(IndexLag.NONE);
                return ok(Json.object());
            case "GET /_emulator/state":
                return ok(snapshot.get());
            case "PUT /_emulator/state":
                restore.accept(body);
                return ok(Json.object());
            default:
                return serviceAdmin(request);
        }
    }

    private AwsResponse serviceAdmin(AwsRequest request) {
        String[] parts = request.path().split("/");
        // ["", "_emulator", "<service>", ...]
        Optional<AwsService> service = parts.length > 2 ? catalog.service(parts[2]) : Optional.empty();
        Optional<AwsResponse> answer = service.flatMap(s -> {
            synchronized (s) {
                return s.admin(request);
            }
        });
        return answer.orElseGet(() -> Json.response(404, JSON,
                Json.object().put("error", "NotFound").put("message", "No emulator endpoint " + request.method() + " " + request.path())));
    }

    private void addFault(JsonNode body) {
        String key = body.path("operation").asText("*");
        Fault fault = Fault.valueOf(body.path("fault").asText("INTERNAL_ERROR").toUpperCase(Locale.ROOT));
        Optional<String> resource = body.hasNonNull("resource") ? Optional.of(body.path("resource").asText())
                : Optional.empty();
        if (body.path("always").asBoolean(false)) {
            hooks.failAlways(key, resource.orElse(".*"), fault);
        } else if (body.has("nth")) {
            long nth = body.path("nth").asLong();
            resource.ifPresentOrElse(r -> hooks.failNth(key, r, nth, fault), () -> hooks.failNth(key, nth, fault));
        } else {
            double fraction = body.path("fraction").asDouble();
            long seed = body.path("seed").asLong(0);
            resource.ifPresentOrElse(r -> hooks.failRandomly(key, r, fraction, seed, fault),
                    () -> hooks.failRandomly(key, fraction, seed, fault));
        }
    }

    private ObjectNode calls() {
        ObjectNode out = Json.object();
        out.put("total", hooks.totalCalls());
        out.set("calls", Json.mapper().valueToTree(hooks.callCounts()));
        out.set("throttles", Json.mapper().valueToTree(hooks.throttleCounts()));
        out.put("injectedLatencyMillis", hooks.injectedLatencyMillis());
        return out;
    }

    private ObjectNode rateLimits() {
        ObjectNode out = Json.object();
        out.put("enabled", hooks.rateLimitsEnabled());
        out.put("scale", hooks.rateLimitScale());
        ObjectNode limits = out.putObject("limits");
        hooks.rateLimits().forEach((k, v) -> limits.putObject(k).put("burst", v.burst()).put("perSecond", v.perSecond()));
        return out;
    }

    private static AwsResponse ok(JsonNode node) {
        return Json.response(200, JSON, node);
    }
}
