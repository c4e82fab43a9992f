package io.jobform.plan;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A resource as read live, in the shape of the request jobform sends for it.
 *
 * @param arn  its ARN; for a task definition the family's latest ACTIVE revision
 * @param body the request-shaped content, spec-hash tag left out
 */
public record LiveResource(String arn, JsonNode body) {}
