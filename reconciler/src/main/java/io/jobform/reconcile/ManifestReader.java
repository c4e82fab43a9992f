package io.jobform.reconcile;

import io.jobform.manifest.ManifestFile;
import io.jobform.manifest.YamlLimits;
import io.jobform.source.ManifestListing;
import io.jobform.source.ManifestSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the whole manifest set. From a remote source, a manifest whose ETag equals the one in
 * the inventory is taken from the inventory's copy: an unchanged set costs one list call.
 */
final class ManifestReader {

    record ManifestSet(List<ManifestListing> listing, List<ManifestFile> files, int fetched) {}

    private ManifestReader() {}

    static ManifestSet read(ManifestSource source, Inventory inventory) throws IOException {
        List<ManifestListing> listing = source.list();
        List<ManifestFile> files = new ArrayList<>();
        int fetched = 0;
        for (ManifestListing m : listing) {
            Inventory.ManifestEntry known = inventory.manifests().get(m.key());
            if (source.remote() && known != null && known.etag().equals(m.etag()) && known.content() != null) {
                files.add(new ManifestFile(m.key(), known.content().getBytes(StandardCharsets.UTF_8)));
            } else {
                files.add(new ManifestFile(m.key(), source.read(m)));
                fetched++;
            }
        }
        return new ManifestSet(listing, files, fetched);
    }

    /** The text to cache: only well-formed UTF-8 within the size limit; anything else is fetched every time. */
    static Optional<String> cacheable(byte[] content) {
        if (content.length > YamlLimits.DEFAULT.maxBytes()) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
