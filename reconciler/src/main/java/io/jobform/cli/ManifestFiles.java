package io.jobform.cli;

import io.jobform.manifest.ManifestFile;
import io.jobform.source.ManifestListing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Reads manifest files from paths given on the command line (files, or directories recursively). */
final class ManifestFiles {

    private ManifestFiles() {}

    /**
     * What the command line names, read once.
     *
     * @param files every manifest under the paths ({@link ManifestListing#isManifestKey}), sorted; an
     *              explicitly named file whatever its name
     * @param keys  for each file (by its name as shown), the S3 key it gets once the directory named on
     *              the command line is synced as the manifests root: its path relative to that
     *              directory; an explicitly named file: its file name. The key, not the local path
     *              (which may hold {@code (} or {@code #}), must be a valid tag value.
     */
    record Local(List<ManifestFile> files, UnaryOperator<String> keys) {}

    static Local read(List<Path> paths, int maxBytes) throws IOException {
        List<ManifestFile> files = new ArrayList<>();
        Map<String, String> keys = new HashMap<>();
        for (Found found : find(paths)) {
            files.add(new ManifestFile(found.file().toString(), head(found.file(), maxBytes + 1)));
            keys.put(found.file().toString(), found.key());
        }
        return new Local(files, shown -> keys.getOrDefault(shown, shown));
    }

    private record Found(Path file, String key) {}

    private static List<Found> find(List<Path> paths) throws IOException {
        List<Found> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).sorted()
                            .map(f -> new Found(f, path.relativize(f).toString().replace('\\', '/')))
                            .filter(f -> ManifestListing.isManifestKey(f.key())).forEach(files::add);
                }
            } else {
                files.add(new Found(path, path.getFileName().toString()));
            }
        }
        return files;
    }

    /** At most {@code limit} bytes: enough for the loader to reject an oversized file without reading it all. */
    private static byte[] head(Path file, int limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(limit);
        }
    }
}
