package io.jobform.emulator.iam;

import io.jobform.emulator.core.AwsException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One page of a sorted list (IAM's Marker/MaxItems); the marker is the opaque position after the last item. */
record IamPage<T>(List<T> items, Optional<String> marker) {

    static <T> IamPage<T> of(List<T> all, Function<T, String> sortKey, Optional<String> marker, int max) {
        String after = marker.map(m -> {
            try {
                return new String(Base64.getUrlDecoder().decode(m), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new AwsException(400, "InvalidInput", "Invalid Marker");
            }
        }).orElse(null);
        List<T> rest = all.stream().filter(t -> after == null || sortKey.apply(t).compareTo(after) > 0).toList();
        List<T> items = rest.subList(0, Math.min(max, rest.size()));
        Optional<String> next = rest.size() > max
                ? Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(
                        sortKey.apply(items.get(items.size() - 1)).getBytes(StandardCharsets.UTF_8)))
                : Optional.empty();
        return new IamPage<>(items, next);
    }
}
