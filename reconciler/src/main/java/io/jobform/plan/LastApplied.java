package io.jobform.plan;

import java.util.Map;

/**
 * What the applied record says about a resource's last applied spec.
 *
 * @param values field path to value as stored (sensitive values masked, {@link Masking}); empty when
 *               the record predates values or there is none
 * @param hashes field path to a short hash, the older record form: it names the changed fields,
 *               not their former values
 */
public record LastApplied(Map<String, String> values, Map<String, String> hashes) {
    public static final LastApplied NONE = new LastApplied(Map.of(), Map.of());

    public LastApplied {
        values = Map.copyOf(values);
        hashes = Map.copyOf(hashes);
    }

    public boolean known() {
        return !values.isEmpty() || !hashes.isEmpty();
    }
}
