package io.jobform.plan;

/**
 * One field of a resource's spec that differs from what was last applied.
 *
 * @param path     the field path, e.g. {@code containerDefinitions[0].image}
 * @param newValue the desired value as short text; empty when only the change is known
 */
public record FieldDiff(String path, String newValue) {}
