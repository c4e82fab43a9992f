package io.jobform.reconcile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jobform.render.JobGrants;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What this instance last applied, like Flux's {@code status.inventory}: kept in S3 at
 * the instance's {@code inventory.json} ({@link io.jobform.config.StateKeys}). Observation takes existence from the services' listings and
 * ownership and hashes from here, because no listing returns tags; without an inventory every
 * listed resource costs one read of its tags (which carry ownership and hash), so a lost
 * inventory costs calls, not correctness. It also records the manifest a resource came from,
 * whether its job may be pruned, and manifest ETags. The per-field hashes behind field-level
 * diffs live in one object per job ({@link AppliedFields}), read only for jobs with an update.
 *
 * @param context   hash of everything besides a manifest that shapes its resources (JobDefaults,
 *                  instance configuration, jobform version): a change re-reads every manifest
 * @param manifests manifest key to its last seen ETag and outcome
 * @param resources {@code Kind/name} to what was last applied
 * @param statusDigests job name (and {@code _summary}) to a digest of its last written status object,
 *                  so a status object is written only when its content changes
 * @param grants    job name to what it last needed from the shared roles, kept while the job may
 *                  still run without a valid manifest (frozen, kept, pruning held back)
 * @param foreign   {@code Kind/name} to ARN of listed resources whose tags were read and are not
 *                  this instance's (a name like ours): not read again while listed with that ARN
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Inventory(int version, String context, Map<String, ManifestEntry> manifests,
        Map<String, ResourceEntry> resources, Map<String, String> statusDigests, Map<String, JobGrants> grants,
        Map<String, String> foreign) {

    /** 2: the schedules' times are also kept apart ({@link ScheduleTimes}); a version-1 inventory is rewritten once. */
    public static final int VERSION = 2;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public Inventory {
        manifests = new TreeMap<>(manifests == null ? Map.of() : manifests);
        resources = new TreeMap<>(resources == null ? Map.of() : resources);
        statusDigests = new TreeMap<>(statusDigests == null ? Map.of() : statusDigests);
        grants = new TreeMap<>(grants == null ? Map.of() : grants);
        foreign = new TreeMap<>(foreign == null ? Map.of() : foreign);
    }

    public Inventory(int version, String context, Map<String, ManifestEntry> manifests,
            Map<String, ResourceEntry> resources, Map<String, String> statusDigests) {
        this(version, context, manifests, resources, statusDigests, Map.of(), Map.of());
    }

    public Inventory withGrants(Map<String, JobGrants> value) {
        return new Inventory(version, context, manifests, resources, statusDigests, value, foreign);
    }

    public Inventory withStatusDigests(Map<String, String> digests) {
        return new Inventory(version, context, manifests, resources, digests, grants, foreign);
    }

    public static Inventory empty() {
        return new Inventory(VERSION, "", Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    /**
     * @param job     the job named in the manifest; for an invalid one, the job it held before; empty when
     *                neither is known
     * @param content the manifest's text when the source is remote (S3): a manifest whose ETag is
     *                unchanged is validated from here instead of being fetched again
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ManifestEntry(String etag, String job, boolean valid, String content) {}

    /** @param modified the resource's last-modified time after jobform's apply (schedules), or empty */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ResourceEntry(String arn, String specHash, String job, String manifest, boolean prunable,
            String modified) {
        public ResourceEntry {
            job = job == null ? "" : job;
            manifest = manifest == null ? "" : manifest;
            modified = modified == null ? "" : modified;
        }
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this); // compact: it is read on every reconcile
        } catch (IOException e) {
            throw new IllegalStateException("inventory is always serializable", e);
        }
    }

    /** Reads an inventory; unreadable entries are dropped ({@link InventoryReader} says which). */
    public static Inventory fromJson(byte[] json) {
        return InventoryReader.read(json, "inventory").inventory();
    }
}
