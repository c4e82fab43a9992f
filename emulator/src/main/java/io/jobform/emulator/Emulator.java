package io.jobform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.jobform.emulator.core.AwsService;
import io.jobform.emulator.core.EmulatorContext;
import io.jobform.emulator.core.StatefulService;
import io.jobform.emulator.hooks.Hooks;
import io.jobform.emulator.iam.IamService;
import io.jobform.emulator.s3.S3Service;
import io.jobform.emulator.server.AdminEndpoints;
import io.jobform.emulator.server.HttpFront;
import io.jobform.emulator.tagging.TaggingService;
import io.jobform.emulator.wire.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running local AWS endpoint on 127.0.0.1. Point any SDK client's endpointOverride at
 * {@link #endpoint()}; the request's SigV4 scope picks the service.
 */
public final class Emulator implements AutoCloseable {
    private final EmulatorOptions options;
    private final EmulatorContext context;
    private final ServiceCatalog catalog;
    private final Hooks hooks;
    private final HttpServer server;
    private final ExecutorService executor;

    private Emulator(EmulatorOptions options, Function<EmulatorContext, List<AwsService>> extra) throws IOException {
        this.options = options;
        IamService iam = new IamService(options.accountId(), options.clock(), options.iamPropagationDelay());
        this.context = new EmulatorContext(options.accountId(), options.clock(), iam);
        this.catalog = ServiceCatalog.create(context, iam, extra.apply(context));
        this.hooks = new Hooks(options.clock(), iam::propagationDelay, options.iamPropagationDelay());
        AdminEndpoints admin = new AdminEndpoints(hooks, catalog, this::snapshot, this::restore);
        HttpFront front = new HttpFront(catalog, hooks, admin, options.region(), options.accountId());
        // The JDK server writes a response's headers and body in separate packets; with Nagle's
        // algorithm on, the body then waits for the client's delayed ACK (about 40 ms on Linux)
        // on every response that has a body. The server reads this property once, when its
        // first instance is created in the JVM.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 128);
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "emulator-http-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.createContext("/", front);
        server.setExecutor(executor);
        server.start();
    }

    public static Emulator start(EmulatorOptions options) {
        return start(options, ctx -> List.of());
    }

    /**
     * Starts with additional services (e.g. a test's own {@code TaggedResources} source); they
     * are routed by their signing name and seen by the Tagging API.
     */
    public static Emulator start(EmulatorOptions options, Function<EmulatorContext, List<AwsService>> extraServices) {
        try {
            return new Emulator(options, extraServices);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind 127.0.0.1:" + options.port(), e);
        }
    }

    public static Emulator start() {
        return start(EmulatorOptions.defaults());
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String region() {
        return options.region();
    }

    public String accountId() {
        return options.accountId();
    }

    public EmulatorContext context() {
        return context;
    }

    public Hooks hooks() {
        return hooks;
    }

    public ServiceCatalog services() {
        return catalog;
    }

    /** The service of the given class, e.g. {@code emulator.service(EcsService.class)}. */
    public <T> T service(Class<T> type) {
        return catalog.require(type);
    }

    public S3Service s3() {
        return catalog.require(S3Service.class);
    }

    public IamService iam() {
        return catalog.require(IamService.class);
    }

    public TaggingService tagging() {
        return catalog.require(TaggingService.class);
    }

    /** The whole state: one member per stateful service, keyed by signing name. */
    public JsonNode snapshot() {
        ObjectNode state = Json.object();
        state.put("accountId", options.accountId());
        ObjectNode services = state.putObject("services");
        for (AwsService s : catalog.services()) {
            if (s instanceof StatefulService stateful) {
                synchronized (s) {
                    services.set(s.signingName(), stateful.snapshot());
                }
            }
        }
        return state;
    }

    /** Replaces the state of every stateful service named in {@code state}. */
    public void restore(JsonNode state) {
        JsonNode services = state.path("services");
        for (AwsService s : catalog.services()) {
            if (s instanceof StatefulService stateful && services.has(s.signingName())) {
                synchronized (s) {
                    stateful.restore(services.get(s.signingName()));
                }
            }
        }
    }

    /**
     * Writes the state to a temporary file beside {@code file} and moves it over {@code file}
     * atomically: a save that fails half way (a value UTF-8 cannot encode, a full disk) leaves
     * the state that was there untouched, and no temporary file behind.
     */
    public void saveState(Path file) {
        Path tmp = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            tmp = Files.createTempFile(parent, ".emulator-state", ".tmp");
            Files.writeString(tmp, Json.write(snapshot()));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException("cannot write emulator state " + file + ": " + e.getMessage()
                    + "; the state saved before is kept", e);
        }
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // The save already failed; a leftover temporary file changes nothing that was saved.
        }
    }

    public void loadState(Path file) {
        try {
            restore(Json.mapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read emulator state " + file, e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
