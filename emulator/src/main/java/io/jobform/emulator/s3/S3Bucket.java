package io.jobform.emulator.s3;

import java.time.Instant;
import java.util.NavigableMap;
import java.util.TreeMap;

/** A bucket: its objects sorted by key (String order; see README for the difference). */
final class S3Bucket {
    final String name;
    final String region;
    final Instant created;
    final NavigableMap<String, S3Object> objects = new TreeMap<>();
    long sequencer;

    S3Bucket(String name, String region, Instant created) {
        this.name = name;
        this.region = region;
        this.created = created;
    }

    /** Strictly increasing per bucket, as S3's hex sequencer is per key and bucket. */
    String nextSequencer() {
        sequencer++;
        return String.format("%016X", sequencer);
    }
}
