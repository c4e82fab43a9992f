package io.jobform.operate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * How an execution was started. Scheduler's input always carries {@code scheduledTime} (the
 * schedule's Target.Input, see the renderer's ScheduleSpec); jobform's manual runs are named
 * {@code manual-<timestamp>}; anything else came from the console or another API caller.
 */
public enum Trigger {
    SCHEDULE("schedule"), MANUAL("manual"), OTHER("console/api");

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String word;

    Trigger(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** @param input empty when only the name is known (ListExecutions has no input) */
    static Trigger of(String name, Optional<String> input) {
        if (name.startsWith(ExecutionNames.MANUAL_PREFIX)) {
            return MANUAL;
        }
        boolean scheduled = input.map(Trigger::hasScheduledTime).orElse(false);
        return scheduled ? SCHEDULE : OTHER;
    }

    private static boolean hasScheduledTime(String input) {
        try {
            JsonNode node = JSON.readTree(input);
            return node != null && node.hasNonNull("scheduledTime");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
