package io.jobform.emulator.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** The task definition a RunTask reference resolves to (family, family:revision or ARN). */
@FunctionalInterface
public interface TaskDefinitionLookup {
    Optional<JsonNode> find(String region, String reference);
}
