package io.jobform.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Manifests in a local directory tree (a git checkout). The ETag is a content hash. */
public final class DirectoryManifestSource implements ManifestSource {
    private final Path root;

    public DirectoryManifestSource(Path root) {
        this.root = root;
    }

    @Override
    public String describe() {
        return root.toString();
    }

    @Override
    public List<ManifestListing> list() throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("manifest directory " + root + " does not exist");
        }
        List<ManifestListing> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                String key = root.relativize(path).toString().replace('\\', '/');
                if (ManifestListing.isManifestKey(key)) {
                    files.add(listing(key, path));
                }
            }
        }
        files.sort(Comparator.comparing(ManifestListing::key));
        return files;
    }

    /** A file over the size limit is never read (a 3 GB file would not fit in memory): its tag is its size and time. */
    private static ManifestListing listing(String key, Path path) throws IOException {
        long size = Files.size(path);
        if (size >= READ_LIMIT) {
            return new ManifestListing(key, "unread-" + size + "-" + Files.getLastModifiedTime(path).toMillis(), size);
        }
        byte[] content = head(path);
        return new ManifestListing(key, hash(content), content.length);
    }

    @Override
    public byte[] read(ManifestListing file) throws IOException {
        return head(root.resolve(file.key()));
    }

    private static byte[] head(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(READ_LIMIT);
        }
    }

    private static String hash(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
