package io.jobform.resource;

/** Identifies one resource across desired and observed state; prints as {@code Kind/name}. */
public record ResourceId(ResourceKind kind, String name) implements Comparable<ResourceId> {

    @Override
    public int compareTo(ResourceId other) {
        int byKind = kind.compareTo(other.kind);
        return byKind != 0 ? byKind : name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return kind.displayName() + "/" + name;
    }
}
