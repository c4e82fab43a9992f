package io.jobform.emulator.sfn;

import java.time.Instant;
import java.util.Optional;

/** A message an execution published with {@code sns:publish}, as recorded by the emulator. */
public record PublishedMessage(String topicArn, Optional<String> subject, String message, Instant at,
        String executionArn, String messageId) {}
