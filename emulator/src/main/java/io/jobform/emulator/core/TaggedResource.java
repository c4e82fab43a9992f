package io.jobform.emulator.core;

import java.util.Map;

/**
 * A resource as the Resource Groups Tagging API lists it. {@code resourceType} uses the
 * tagging API's filter form, e.g. "ecs:task-definition", "states:stateMachine",
 * "scheduler:schedule-group".
 */
public record TaggedResource(String arn, String resourceType, Map<String, String> tags) {}
