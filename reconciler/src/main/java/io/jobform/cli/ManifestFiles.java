package io.jobform.cli;

import io.jobform.manifest.ManifestFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads manifest files from paths given on the command line (files, or directories recursively). */
final class ManifestFiles {

    private ManifestFiles() {}

    /** Every *.yaml / *.yml under the paths, sorted; an explicitly named file is read whatever its name. */
    static List<ManifestFile> read(List<Path> paths, int maxBytes) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(ManifestFiles::isManifest).sorted().forEach(files::add);
                }
            } else {
                files.add(path);
            }
        }
        List<ManifestFile> out = new ArrayList<>();
        for (Path file : files) {
            out.add(new ManifestFile(file.toString(), head(file, maxBytes + 1)));
        }
        return out;
    }

    static boolean isManifest(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** At most {@code limit} bytes: enough for the loader to reject an oversized file without reading it all. */
    private static byte[] head(Path file, int limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(limit);
        }
    }
}
