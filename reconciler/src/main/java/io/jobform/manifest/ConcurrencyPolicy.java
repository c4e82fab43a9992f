package io.jobform.manifest;

/** What happens when a run is due while another is still running, as in a Kubernetes CronJob. */
public enum ConcurrencyPolicy {
    ALLOW, FORBID, REPLACE
}
