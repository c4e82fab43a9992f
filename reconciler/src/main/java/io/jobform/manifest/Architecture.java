package io.jobform.manifest;

/** The CPU architecture; ECS spells them X86_64 and ARM64 in runtimePlatform. */
public enum Architecture {
    X86_64, ARM64
}
