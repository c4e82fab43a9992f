package io.jobform.emulator.logs;

/**
 * One stored event. {@code sequence} orders events of equal timestamp in arrival order and
 * makes the key unique, so paging tokens can name a position that survives later writes.
 */
record LogEvent(long timestamp, long sequence, String message, long ingestionTime) {

    /** A sortable key: timestamp, then arrival. */
    String key() {
        return String.format("%020d-%012d", timestamp, sequence);
    }
}
