package io.jobform.emulator.tagging;

import io.jobform.emulator.core.TaggedResource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tag index as GetResources sees it under an {@link IndexLag}: every change the services
 * made is recorded with its time (after each call, and before each query), and a query at time
 * t returns, per ARN, the newest recorded state that has become visible by t: a creation or tag
 * change after {@code lag}, a deletion after {@code ghost}. Resources present when the lag was
 * switched on are visible at once.
 */
final class LaggingIndex {
    /** One recorded state of an ARN; {@code resource} empty means deleted. */
    private record Entry(Instant at, Optional<TaggedResource> resource) {}

    private final IndexLag lag;
    private final Map<String, List<Entry>> history = new HashMap<>();
    private final Map<String, TaggedResource> lastSeen = new HashMap<>();

    LaggingIndex(IndexLag lag, List<TaggedResource> present) {
        this.lag = lag;
        for (TaggedResource r : present) {
            lastSeen.put(r.arn(), r);
            history.computeIfAbsent(r.arn(), a -> new ArrayList<>()).add(new Entry(Instant.MIN, Optional.of(r)));
        }
    }

    /** Records what changed since the last call: new or re-tagged resources, and deletions. */
    synchronized void record(Instant now, List<TaggedResource> live) {
        Map<String, TaggedResource> current = new HashMap<>();
        live.forEach(r -> current.put(r.arn(), r));
        current.forEach((arn, r) -> {
            if (!r.equals(lastSeen.get(arn))) {
                history.computeIfAbsent(arn, a -> new ArrayList<>()).add(new Entry(now, Optional.of(r)));
            }
        });
        lastSeen.keySet().stream().filter(arn -> !current.containsKey(arn)).toList()
                .forEach(arn -> history.get(arn).add(new Entry(now, Optional.empty())));
        lastSeen.clear();
        lastSeen.putAll(current);
    }

    /** What the index returns at {@code now}. */
    synchronized List<TaggedResource> visible(Instant now) {
        List<TaggedResource> out = new ArrayList<>();
        history.values().forEach(entries -> {
            Entry newest = null;
            for (Entry e : entries) {
                boolean effective = e.at().equals(Instant.MIN)
                        || !e.at().plus(e.resource().isPresent() ? lag.lag() : lag.ghost()).isAfter(now);
                if (effective && (newest == null || !e.at().isBefore(newest.at()))) {
                    newest = e;
                }
            }
            if (newest != null) {
                newest.resource().ifPresent(out::add);
            }
        });
        return out;
    }
}
