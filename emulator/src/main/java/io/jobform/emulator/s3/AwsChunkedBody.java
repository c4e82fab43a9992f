package io.jobform.emulator.s3;

import io.jobform.emulator.core.AwsException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes the aws-chunked content encoding the SDK uses for PutObject (SigV4 streaming,
 * signed or unsigned, with optional trailing checksum headers):
 * {@code hex-size[;chunk-signature=..]\r\n data \r\n ... 0[;..]\r\n trailer: value\r\n \r\n}.
 * See "Signature Calculations for the Authorization Header: Transferring Payload in Multiple
 * Chunks" in the Amazon S3 API Reference.
 */
record AwsChunkedBody(byte[] payload, Map<String, String> trailers) {

    static boolean applies(java.util.function.Function<String, java.util.Optional<String>> header) {
        boolean encoded = header.apply("content-encoding").map(v -> v.contains("aws-chunked")).orElse(false);
        boolean streaming = header.apply("x-amz-content-sha256").map(v -> v.startsWith("STREAMING-")).orElse(false);
        return encoded || streaming;
    }

    static AwsChunkedBody decode(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        Map<String, String> trailers = new LinkedHashMap<>();
        int pos = 0;
        while (true) {
            int lineEnd = indexOfCrlf(body, pos);
            if (lineEnd < 0) {
                throw malformed();
            }
            String header = new String(body, pos, lineEnd - pos, StandardCharsets.US_ASCII);
            int semicolon = header.indexOf(';');
            String hex = (semicolon < 0 ? header : header.substring(0, semicolon)).trim();
            int size;
            try {
                size = Integer.parseInt(hex, 16);
            } catch (NumberFormatException e) {
                throw malformed();
            }
            pos = lineEnd + 2;
            if (size == 0) {
                break;
            }
            if (pos + size > body.length) {
                throw malformed();
            }
            out.write(body, pos, size);
            pos += size + 2;
        }
        while (pos < body.length) {
            int lineEnd = indexOfCrlf(body, pos);
            int end = lineEnd < 0 ? body.length : lineEnd;
            String line = new String(body, pos, end - pos, StandardCharsets.US_ASCII);
            int colon = line.indexOf(':');
            if (colon > 0) {
                trailers.put(line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT), line.substring(colon + 1).trim());
            }
            pos = end + 2;
        }
        return new AwsChunkedBody(out.toByteArray(), trailers);
    }

    private static int indexOfCrlf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static AwsException malformed() {
        return new AwsException(400, "IncompleteBody", "The request body terminated unexpectedly");
    }
}
