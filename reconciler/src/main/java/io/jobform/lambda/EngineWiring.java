package io.jobform.lambda;

import io.jobform.manifest.ManifestFile;
import io.jobform.render.Renderer;
import io.jobform.validate.ValidationReport;
import io.jobform.validate.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * Where the Lambda shell meets the reconcile engine. This build does not contain the engine
 * yet: {@link #runnerFor} answers every reconcile with a FAILED outcome saying so (SQS
 * messages are then reported as failed and retried, never silently dropped). Replace it
 * when the engine lands.
 */
public final class EngineWiring {

    private EngineWiring() {}

    /** Builds the runner once, at init: AWS clients, region and credentials provider included. */
    public static ReconcileRunner runnerFor(HandlerConfig config) {
        return (request, deadline) -> ReconcileOutcome.failed(
                "the reconcile engine is not wired into this build; nothing was reconciled");
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
