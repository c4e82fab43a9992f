package io.jobform.manifest;

import java.util.Map;

/**
 * One valid job after defaults were merged in: the input of the renderer.
 *
 * @param manifestKey the manifest's path relative to the source root (S3 key suffix or file path),
 *                    recorded in the {@code jobform.io/manifest} tag
 * @param position    where the document starts
 */
public record ScheduledJob(
        String name,
        Map<String, String> labels,
        Map<String, String> annotations,
        JobSpec spec,
        String manifestKey,
        SourcePosition position) {

    public static final String KIND = "ScheduledJob";

    public String ref() {
        return KIND + "/" + name;
    }

    /** {@code jobform.io/prune: "false"} orphans the job's resources when its manifest is deleted. */
    public boolean prunable() {
        return !"false".equals(annotations.get("jobform.io/prune"));
    }
}
