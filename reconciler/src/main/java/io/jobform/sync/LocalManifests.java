package io.jobform.sync;

import io.jobform.source.ManifestListing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** The manifests under a directory ({@link ManifestListing#isManifestKey}), keyed as they will be in S3. */
public final class LocalManifests {

    private LocalManifests() {}

    public static List<LocalFile> scan(Path dir, String prefix) throws IOException {
        List<LocalFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = dir.relativize(path).toString().replace('\\', '/');
                if (ManifestListing.isManifestKey(relative)) {
                    files.add(new LocalFile(prefix + relative, path, md5Hex(Files.readAllBytes(path))));
                }
            }
        }
        return files;
    }

    public static String md5Hex(byte[] content) {
        return HexFormat.of().formatHex(md5(content));
    }

    public static byte[] md5(byte[] content) {
        try {
            return MessageDigest.getInstance("MD5").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides MD5", e);
        }
    }
}
