package io.jobform.render;

import io.jobform.manifest.Network;
import io.jobform.manifest.ScheduledJob;

/** A job with the settings that may come from the instance configuration resolved. */
record ResolvedJob(ScheduledJob job, String cluster, Network network) {

    String name() {
        return job.name();
    }
}
