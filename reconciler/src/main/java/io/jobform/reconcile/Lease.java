package io.jobform.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.aws.ObjectStore;
import io.jobform.aws.StoredObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * At most one reconcile per instance: a lease object taken with {@code If-None-Match: *},
 * renewed and released with {@code If-Match: <etag>}. An expired lease (its holder crashed) is
 * taken over with {@code If-Match} on the expired object's ETag, so two contenders cannot both win.
 *
 * <p>As in Kubernetes leader election, the lease is short ({@link #DEFAULT_DURATION}) and a
 * heartbeat renews it while the holder works ({@link LeaseHold}): a crashed holder blocks the
 * others for about a minute, a long apply keeps its lease however long it runs.
 */
public final class Lease {
    /** How long a lease lasts without renewal: how long a crashed holder blocks the others. */
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(60);
    /** The longest lease anyone may ask for. */
    public static final Duration MAX_DURATION = Duration.ofMinutes(15);
    /**
     * No holder writes an expiry further ahead than {@link #MAX_DURATION}; one further ahead than
     * this (a clock far off, a hand-written or hostile object) is stale rather than binding for years.
     */
    static final Duration STALE_BEYOND = MAX_DURATION.multipliedBy(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectStore store;
    private final String key;
    private final Clock clock;
    private final String holder;
    private final Duration duration;
    private String etag;
    private Instant expires;
    private boolean released;

    private Lease(ObjectStore store, String key, Clock clock, String holder, Duration duration, String etag,
            Instant expires) {
        this.store = store;
        this.key = key;
        this.clock = clock;
        this.holder = holder;
        this.duration = duration;
        this.etag = etag;
        this.expires = expires;
    }

    /** Who holds a lease and until when; {@code holder} is printable (see {@link PrintableText}). */
    public record Held(String holder, Instant expires) {
        /** How {@link #message()} begins, so a caller that reports it itself can tell it from progress. */
        public static final String MESSAGE_START = "another reconcile (";

        public String message() {
            return MESSAGE_START + holder + ") holds the lease until " + expires
                    + "; exiting, the next reconcile catches up (if that holder is gone, jobform unlock removes the "
                    + "lease)";
        }
    }

    /** The lease object as stored, for {@code jobform unlock}. */
    public record Current(Held held, Optional<Instant> acquired, String etag, boolean stale) {}

    /** The lease object, if one exists; never modifies it. */
    public static Optional<Current> read(ObjectStore store, String key, Clock clock) {
        return store.get(key).map(object -> {
            Held held = held(object);
            Instant now = clock.instant();
            return new Current(held, acquired(object), object.etag(), isStale(held, now));
        });
    }

    /**
     * Tries to take the lease, polling every {@code poll} until {@code wait} has passed.
     *
     * @return the lease, or who holds it
     */
    public static Result acquire(ObjectStore store, String key, Clock clock, String holder, Duration duration, Duration wait,
            Duration poll) throws InterruptedException {
        Instant giveUp = clock.instant().plus(wait);
        boolean retried = false;
        while (true) {
            Instant now = clock.instant();
            Instant expires = now.plus(duration);
            byte[] body = body(holder, now, expires);
            Optional<String> taken = store.putIfAbsent(key, body);
            if (taken.isPresent()) {
                return new Result(Optional.of(new Lease(store, key, clock, holder, duration, taken.get(), expires)),
                        Optional.empty());
            }
            Optional<StoredObject> current = store.get(key);
            Held held = current.map(Lease::held).orElse(new Held("unknown", now));
            boolean free = isStale(held, now);
            // Once at least, and again while the wait lasts: the lease was released between our
            // two calls, another reconcile took over the expired one first, or the write conflicted.
            boolean mayRetry = !retried || clock.instant().isBefore(giveUp);
            if (current.isPresent() && free) {
                Optional<String> takenOver = store.putIfMatch(key, body, current.get().etag());
                if (takenOver.isPresent()) {
                    return new Result(Optional.of(new Lease(store, key, clock, holder, duration, takenOver.get(), expires)),
                            Optional.empty());
                }
            }
            if (current.isEmpty() || free) {
                if (mayRetry) {
                    retried = true;
                    continue;
                }
                String who = current.isEmpty() ? "unknown: writing the lease object kept failing"
                        : held.holder() + ", expired; taking it over kept failing";
                return new Result(Optional.empty(), Optional.of(new Held(who, now)));
            }
            if (!clock.instant().plus(poll).isBefore(giveUp)) {
                return new Result(Optional.empty(), Optional.of(held));
            }
            Thread.sleep(poll.toMillis());
        }
    }

    public record Result(Optional<Lease> lease, Optional<Held> held) {}

    /** Expired, or expiring absurdly far ahead: nobody holds it any more. */
    static boolean isStale(Held held, Instant now) {
        return !held.expires().isAfter(now) || held.expires().isAfter(now.plus(STALE_BEYOND));
    }

    /** Extends the lease when less than half of it is left; false when it was lost (or released). */
    public synchronized boolean renewIfDue() {
        if (released) {
            return false;
        }
        Instant now = clock.instant();
        if (Duration.between(now, expires).compareTo(duration.dividedBy(2)) > 0) {
            return true;
        }
        Instant next = now.plus(duration);
        Optional<String> renewed = store.putIfMatch(key, body(holder, now, next), etag);
        renewed.ifPresent(e -> {
            etag = e;
            expires = next;
        });
        return renewed.isPresent();
    }

    public Duration duration() {
        return duration;
    }

    public synchronized Instant expires() {
        return expires;
    }

    /** Gives the lease back, once; a lease already taken over by someone else is left alone. */
    public synchronized void release() {
        if (!released) {
            released = true;
            store.deleteIfMatch(key, etag);
        }
    }

    private static byte[] body(String holder, Instant acquired, Instant expires) {
        ObjectNode node = JSON.createObjectNode();
        node.put("holder", holder);
        node.put("acquired", acquired.toString());
        node.put("expires", expires.toString());
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Held held(StoredObject object) {
        try {
            JsonNode node = JSON.readTree(object.body());
            return new Held(PrintableText.of(node.path("holder").asText("unknown")),
                    Instant.parse(node.path("expires").asText()));
        } catch (IOException | RuntimeException e) {
            return new Held("unreadable lease", Instant.EPOCH); // garbage never blocks forever
        }
    }

    private static Optional<Instant> acquired(StoredObject object) {
        try {
            return Optional.of(Instant.parse(JSON.readTree(object.body()).path("acquired").asText()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
