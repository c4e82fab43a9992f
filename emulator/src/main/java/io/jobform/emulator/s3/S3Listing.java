package io.jobform.emulator.s3;

import io.jobform.emulator.core.AwsException;
import io.jobform.emulator.wire.Xml;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ListObjectsV2: prefix, delimiter, max-keys (at most 1000), start-after, an opaque
 * continuation token, KeyCount counting keys plus common prefixes, and encoding-type=url
 * (which the SDK v2 always requests, and decodes).
 */
final class S3Listing {
    private static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";

    private S3Listing() {}

    static String list(S3Bucket bucket, Map<String, List<String>> query) {
        String prefix = param(query, "prefix").orElse("");
        Optional<String> delimiter = param(query, "delimiter").filter(d -> !d.isEmpty());
        int maxKeys = maxKeys(param(query, "max-keys"));
        Optional<String> token = param(query, "continuation-token");
        Optional<String> startAfter = param(query, "start-after");
        boolean url = param(query, "encoding-type").map("url"::equals).orElse(false);
        if (param(query, "encoding-type").filter(e -> !e.equals("url")).isPresent()) {
            throw new AwsException(400, "InvalidArgument", "Invalid Encoding Method specified in Request");
        }
        // The token is "k<key>" after a key or "p<prefix>" after a common prefix, whose keys are skipped.
        String decoded = token.map(S3Listing::decodeToken).orElse("k" + startAfter.orElse(""));
        String after = decoded.substring(1);
        String skipPrefix = decoded.startsWith("p") ? after : null;

        List<S3Object> contents = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String lastMarker = null;
        boolean truncated = false;
        // Start at the later of the position and the prefix, so a listing of one prefix does not scan the bucket.
        boolean fromPrefix = prefix.compareTo(after) > 0;
        for (S3Object object : bucket.objects.tailMap(fromPrefix ? prefix : after, fromPrefix).values()) {
            String key = object.key();
            if (!key.startsWith(prefix)) {
                if (key.compareTo(prefix) > 0) {
                    break;
                }
                continue;
            }
            if (skipPrefix != null && key.startsWith(skipPrefix)) {
                continue;
            }
            String commonPrefix = delimiter.map(d -> {
                int at = key.indexOf(d, prefix.length());
                return at < 0 ? null : key.substring(0, at + d.length());
            }).orElse(null);
            if (commonPrefix != null && !prefixes.isEmpty() && prefixes.get(prefixes.size() - 1).equals(commonPrefix)) {
                continue;
            }
            if (contents.size() + prefixes.size() == maxKeys) {
                truncated = true;
                break;
            }
            if (commonPrefix != null) {
                prefixes.add(commonPrefix);
                lastMarker = "p" + commonPrefix;
            } else {
                contents.add(object);
                lastMarker = "k" + key;
            }
        }

        Xml xml = new Xml().open("ListBucketResult", NS)
                .element("Name", bucket.name)
                .element("Prefix", enc(prefix, url))
                .element("KeyCount", contents.size() + prefixes.size())
                .element("MaxKeys", maxKeys)
                .element("Delimiter", delimiter.map(d -> enc(d, url)).orElse(null))
                .element("IsTruncated", truncated)
                .element("ContinuationToken", token.orElse(null))
                .element("NextContinuationToken", truncated ? encodeToken(lastMarker) : null)
                .element("StartAfter", startAfter.map(s -> enc(s, url)).orElse(null))
                .element("EncodingType", url ? "url" : null);
        for (S3Object o : contents) {
            xml.open("Contents")
                    .element("Key", enc(o.key(), url))
                    .element("LastModified", S3Service.ISO.format(o.lastModified()))
                    .element("ETag", o.quotedEtag())
                    .element("Size", o.data().length)
                    .element("StorageClass", "STANDARD")
                    .close("Contents");
        }
        for (String p : prefixes) {
            xml.open("CommonPrefixes").element("Prefix", enc(p, url)).close("CommonPrefixes");
        }
        return xml.close("ListBucketResult").toString();
    }

    private static int maxKeys(Optional<String> value) {
        if (value.isEmpty()) {
            return 1000;
        }
        try {
            int n = Integer.parseInt(value.get());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return Math.min(n, 1000);
        } catch (NumberFormatException e) {
            throw new AwsException(400, "InvalidArgument", "Provided max-keys not an integer or within integer range");
        }
    }

    private static String enc(String value, boolean url) {
        return url ? URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%2F", "/") : value;
    }

    private static String encodeToken(String marker) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(marker.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        try {
            String marker = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (marker.isEmpty() || (marker.charAt(0) != 'k' && marker.charAt(0) != 'p')) {
                throw new IllegalArgumentException();
            }
            return marker;
        } catch (IllegalArgumentException e) {
            throw new AwsException(400, "InvalidArgument", "The continuation token provided is incorrect");
        }
    }

    private static Optional<String> param(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
