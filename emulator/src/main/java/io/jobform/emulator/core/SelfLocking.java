package io.jobform.emulator.core;

/**
 * Marks a service that guards its own state. The server otherwise runs one call at a time
 * per service; S3 opts out so that it can notify listeners after its lock is released
 * (a listener may call the emulator again).
 */
public interface SelfLocking {}
