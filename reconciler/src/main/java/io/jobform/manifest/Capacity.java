package io.jobform.manifest;

/** Where Fargate runs the task. */
public enum Capacity {
    ON_DEMAND, SPOT, SPOT_WITH_FALLBACK
}
