package io.jobform.emulator.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.jobform.emulator.ServiceCatalog;
import io.jobform.emulator.core.AwsException;
import io.jobform.emulator.core.AwsRequest;
import io.jobform.emulator.core.AwsResponse;
import io.jobform.emulator.core.AwsService;
import io.jobform.emulator.core.SelfLocking;
import io.jobform.emulator.hooks.Admission;
import io.jobform.emulator.hooks.Fault;
import io.jobform.emulator.hooks.Hooks;
import io.jobform.emulator.tagging.TaggingService;
import io.jobform.emulator.wire.FormBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The single HTTP handler: reads the exchange into an {@link AwsRequest}, routes it, lets the
 * hooks count/delay/fail/throttle it, runs the service (one call at a time per service, so
 * services need no locking of their own) and writes the response with request ids.
 */
public final class HttpFront implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(HttpFront.class.getName());

    private final ServiceCatalog catalog;
    private final Optional<TaggingService> tagIndex;
    private final Hooks hooks;
    private final AdminEndpoints admin;
    private final String defaultRegion;
    private final String accountId;

    public HttpFront(ServiceCatalog catalog, Hooks hooks, AdminEndpoints admin, String defaultRegion, String accountId) {
        this.catalog = catalog;
        this.tagIndex = catalog.service("tagging").filter(TaggingService.class::isInstance)
                .map(TaggingService.class::cast);
        this.hooks = hooks;
        this.admin = admin;
        this.defaultRegion = defaultRegion;
        this.accountId = accountId;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            serve(exchange);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "exchange failed", e);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        headers.put(AwsRequest.REQUEST_ID_HEADER, requestId);
        String path = Optional.ofNullable(exchange.getRequestURI().getPath()).orElse("/");
        Map<String, List<String>> query = FormBody.parseQuery(exchange.getRequestURI().getRawQuery());
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);

        if (path.startsWith("/_emulator/") || path.equals("/_emulator")) {
            AwsRequest request = new AwsRequest(method, path, query, headers, body, "emulator", defaultRegion, accountId);
            write(exchange, admin.handle(request), requestId, false, false);
            return;
        }
        ServiceRouter.Route route = ServiceRouter.route(headers, path, query, body);
        AwsRequest request = new AwsRequest(method, path, query, headers, body, route.service(),
                route.region().orElse(defaultRegion), accountId);
        Optional<AwsService> found = catalog.service(route.service());
        if (found.isEmpty()) {
            AwsResponse unknown = ErrorRenderer.render(io.jobform.emulator.core.Protocol.AWS_JSON_1_1,
                    new AwsException(400, "UnrecognizedClientException",
                            "The emulator does not implement service " + route.service()), requestId, false);
            write(exchange, unknown, requestId, false, false);
            return;
        }
        AwsService service = found.get();
        boolean head = method.equals("HEAD");
        boolean s3 = route.service().equals("s3");
        AwsResponse response = call(exchange, service, request, requestId, head);
        if (response != null) {
            write(exchange, response, requestId, head, s3);
        }
    }

    /** Runs one call through the hooks; null means the connection was reset on purpose. */
    private AwsResponse call(HttpExchange exchange, AwsService service, AwsRequest request, String requestId, boolean head) {
        String operation;
        try {
            operation = service.operation(request);
        } catch (AwsException e) {
            return ErrorRenderer.render(service.protocol(), e, requestId, head);
        }
        String resource = service.resource(request).orElseGet(() -> CallResource.of(service.protocol(), request));
        Admission admission = hooks.admit(service.signingName(), operation, resource);
        sleep(admission);
        if (admission.fault().isPresent()) {
            Fault fault = admission.fault().get();
            String name = service.signingName();
            AwsException error = switch (fault) {
                case CONNECTION_RESET -> null;
                case THROTTLE -> FaultErrors.throttle(name);
                case INTERNAL_ERROR -> FaultErrors.internal(name);
                case CONFLICT -> FaultErrors.conflict(name);
                case OPERATION_ABORTED -> FaultErrors.operationAborted(name);
                case ACCESS_DENIED -> FaultErrors.accessDenied(name, operation, resource, accountId);
            };
            return error == null ? null : ErrorRenderer.render(service.protocol(), error, requestId, head);
        }
        // Outside the service's lock: recording reads every tagged service, each under its own lock.
        tagIndex.ifPresent(t -> t.recordChanges(request.region()));
        try {
            return handle(service, request, operation, requestId, head);
        } finally {
            tagIndex.ifPresent(t -> t.recordChanges(request.region()));
        }
    }

    private AwsResponse handle(AwsService service, AwsRequest request, String operation, String requestId,
            boolean head) {
        try {
            if (service instanceof SelfLocking) {
                return service.handle(request);
            }
            synchronized (service) {
                return service.handle(request);
            }
        } catch (AwsException e) {
            return ErrorRenderer.render(service.protocol(), e, requestId, head);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "unexpected failure in " + service.signingName() + ":" + operation, e);
            return ErrorRenderer.render(service.protocol(), FaultErrors.internal(service.signingName()), requestId, head);
        }
    }

    private static void sleep(Admission admission) {
        long millis = admission.latency().toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void write(HttpExchange exchange, AwsResponse response, String requestId, boolean head, boolean s3)
            throws IOException {
        var out = exchange.getResponseHeaders();
        response.headers().forEach(out::set);
        out.set("x-amzn-RequestId", requestId);
        if (s3) {
            out.set("x-amz-request-id", requestId);
            out.set("x-amz-id-2", requestId);
        }
        byte[] body = response.body();
        if (head || body.length == 0) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
        }
    }
}
