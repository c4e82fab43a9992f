package io.jobform.emulator.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What executions use besides their own store: the task outcome hook, the ECS task
 * definitions, where started tasks and their log lines go, the record of published SNS
 * messages, the scripted results per execution name, and whether executions are held
 * (started but not executed).
 */
record RunSupport(TaskOutcomes outcomes, TaskDefinitionLookup definitions, TaskLedger tasks, ContainerLogs logs,
        List<PublishedMessage> published, Map<String, Map<String, List<JsonNode>>> scripts, boolean hold) {}
