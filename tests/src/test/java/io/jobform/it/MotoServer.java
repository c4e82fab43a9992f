package io.jobform.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * moto (an independent AWS emulator, https://github.com/getmoto/moto) in server mode, started
 * from the tests on a free loopback port and stopped after them: {@code python3 -m moto.server
 * -H 127.0.0.1 -p PORT}. Where moto is not installed the suite is skipped with a message, unless
 * {@code JOBFORM_REQUIRE_MOTO=1} (CI), which makes that a failure.
 */
final class MotoServer implements AutoCloseable {
    static final String ACCOUNT = "123456789012"; // moto's default account
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts moto, or skips the calling tests (fails them on CI) when it is not installed. */
    static MotoServer start(Path logDir) throws IOException, InterruptedException {
        String python = System.getenv().getOrDefault("JOBFORM_PYTHON", "python3");
        if (!installed(python)) {
            String message = "moto is not installed for " + python + " (pip install 'moto[server]'); the moto suite"
                    + " is skipped";
            if ("1".equals(System.getenv("JOBFORM_REQUIRE_MOTO"))) {
                throw new IllegalStateException(message.replace("is skipped", "is required (JOBFORM_REQUIRE_MOTO=1)"));
            }
            Assumptions.abort(message);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.createDirectories(logDir);
        Process process = new ProcessBuilder(python, "-m", "moto.server", "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(logDir.resolve("moto.log").toFile()).start();
        MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port));
        server.awaitReady(Duration.ofSeconds(60));
        return server;
    }

    private static boolean installed(String python) throws InterruptedException {
        try {
            Process check = new ProcessBuilder(List.of(python, "-c", "import moto.server")).redirectErrorStream(true)
                    .start();
            check.getInputStream().readAllBytes();
            return check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitReady(Duration limit) throws InterruptedException {
        Instant until = Instant.now().plus(limit);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto exited with " + process.exitValue() + " before it was ready");
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("moto did not answer on " + endpoint + " within " + limit);
    }

    URI endpoint() {
        return endpoint;
    }

    /** Forgets every resource (moto's reset endpoint), so each test starts from an empty account. */
    void reset() throws IOException, InterruptedException {
        int status = HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) {
            throw new IllegalStateException("moto reset answered " + status);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
