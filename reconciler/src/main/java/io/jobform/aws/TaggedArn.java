package io.jobform.aws;

import java.util.Map;

/** A resource the Tagging API returned: its ARN and tags. */
public record TaggedArn(String arn, Map<String, String> tags) {}
