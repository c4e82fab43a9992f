package io.jobform.cli;

import io.jobform.manifest.ManifestFile;
import io.jobform.manifest.YamlLimits;
import io.jobform.source.ManifestListing;
import io.jobform.source.ManifestSource;
import io.jobform.validate.ValidationReport;
import io.jobform.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The validated manifest set a read-only command looks at: the paths named on the command line,
 * else the source of the settings (a directory read directly; an {@code s3://} prefix through the
 * same connection as plan, {@code --local} included).
 */
record ValidatedManifests(ValidationReport report, int files, String source) {

    static ValidatedManifests read(List<Path> paths, EngineOptions options, Instant now) throws IOException {
        Settings settings = Settings.resolve(options, System.getenv());
        if (paths.isEmpty() && settings.source().startsWith("s3://")) {
            try (Engine engine = Engine.open(options, line -> { })) {
                return read(engine, now);
            }
        }
        return readLocal(paths.isEmpty() ? List.of(Path.of(settings.source())) : paths, settings.instance(), now);
    }

    private static ValidatedManifests readLocal(List<Path> targets, String instance, Instant now) throws IOException {
        for (Path target : targets) {
            if (!Files.exists(target)) {
                throw new IllegalArgumentException(target + ": no such file or directory");
            }
        }
        ManifestFiles.Local local = ManifestFiles.read(targets, YamlLimits.DEFAULT.maxBytes());
        return validate(local.files(), local.keys(), instance, now,
                String.join(" ", targets.stream().map(Path::toString).toList()));
    }

    /** The manifests of an open engine's source, read through its connection when they are in S3. */
    static ValidatedManifests read(Engine engine, Instant now) throws IOException {
        String where = engine.settings.source();
        if (!where.startsWith("s3://")) {
            return readLocal(List.of(Path.of(where)), engine.settings.instance(), now);
        }
        ManifestSource source = Engine.source(where, engine.clients);
        List<ManifestFile> files = new ArrayList<>();
        for (ManifestListing m : source.list()) {
            files.add(new ManifestFile(m.key(), source.read(m)));
        }
        return validate(files, UnaryOperator.identity(), engine.settings.instance(), now, where);
    }

    private static ValidatedManifests validate(List<ManifestFile> files, UnaryOperator<String> keys, String instance,
            Instant now, String source) {
        ValidationReport report = new Validator().validate(files, instance, now, keys);
        return new ValidatedManifests(report, files.size(), source);
    }
}
