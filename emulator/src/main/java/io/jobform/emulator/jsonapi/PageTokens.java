package io.jobform.emulator.jsonapi;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Key-based pagination: a token names the last key of the previous page, so a page stays
 * stable while other items are added or removed. Tokens are opaque to clients, like AWS's.
 */
public final class PageTokens {
    private PageTokens() {}

    public record Page<T>(List<T> items, Optional<String> nextToken) {}

    /** {@code sorted} must be ordered by {@code key}; {@code badToken} builds the service's error. */
    public static <T> Page<T> page(List<T> sorted, Function<T, String> key, Optional<String> token, int pageSize,
            Function<String, ? extends RuntimeException> badToken) {
        int start = 0;
        if (token.isPresent()) {
            String after = decode(token.get()).orElseThrow(() -> badToken.apply("Invalid pagination token"));
            start = sorted.size();
            for (int i = 0; i < sorted.size(); i++) {
                String k = key.apply(sorted.get(i));
                if (k.equals(after)) {
                    start = i + 1;
                    break;
                }
                // The last key may have been deleted meanwhile: resume at the next larger one.
                if (k.compareTo(after) > 0 && start == sorted.size()) {
                    start = i;
                }
            }
        }
        int end = Math.min(sorted.size(), start + pageSize);
        List<T> items = List.copyOf(sorted.subList(start, end));
        Optional<String> next = end < sorted.size() && !items.isEmpty()
                ? Optional.of(encode(key.apply(items.get(items.size() - 1))))
                : Optional.empty();
        return new Page<>(items, next);
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("k1:" + key).getBytes(StandardCharsets.UTF_8));
    }

    static Optional<String> decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            return text.startsWith("k1:") ? Optional.of(text.substring(3)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
