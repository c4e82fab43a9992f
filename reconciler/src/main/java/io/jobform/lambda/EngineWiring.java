package io.jobform.lambda;

import io.jobform.manifest.ManifestFile;
import io.jobform.render.Renderer;
import io.jobform.validate.ValidationReport;
import io.jobform.validate.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Where the Lambda shell meets the reconcile engine: the runner (built once at init) and the
 * work done before a SnapStart snapshot.
 */
public final class EngineWiring {

    private EngineWiring() {}

    /** Builds the runner once, at init: AWS clients, region and credentials provider included. */
    public static ReconcileRunner runnerFor(HandlerConfig config) {
        return new EngineReconcileRunner(config, Clock.systemUTC());
    }

    /** Work to run before a SnapStart snapshot: loads classes, opens no socket, reads no credentials. */
    public static List<Runnable> warmers(HandlerConfig config) {
        return List.of(() -> validateAndRender(config));
    }

    static final String SAMPLE_MANIFEST = "/io/jobform/lambda/priming-manifest.yaml";

    /** Loads, validates and renders a bundled manifest: schema, YAML loader, cron and renderer classes. */
    private static void validateAndRender(HandlerConfig config) {
        try (InputStream in = EngineWiring.class.getResourceAsStream(SAMPLE_MANIFEST)) {
            if (in == null) {
                throw new IllegalStateException("bundled priming manifest is missing");
            }
            ManifestFile file = new ManifestFile("priming.yaml", in.readAllBytes());
            ValidationReport report = new Validator().validate(List.of(file), config.instance().instance(), Instant.now());
            Renderer.render(report.jobs(), config.instance());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
