package io.jobform.emulator.sfn;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hook that chooses how simulated ECS tasks end: per execution name or per task definition
 * family, a list of outcomes taken in order by the execution's RunTask calls (the last one
 * repeats). An execution's own outcomes win over its family's; without either a task exits 0.
 * Outcomes are read when an execution starts, so set them before.
 */
public final class TaskOutcomes {
    private final Map<String, List<TaskOutcome>> byExecution = new ConcurrentHashMap<>();
    private final Map<String, List<TaskOutcome>> byFamily = new ConcurrentHashMap<>();

    public void forExecution(String executionName, TaskOutcome... outcomes) {
        byExecution.put(executionName, List.of(outcomes));
    }

    public void forFamily(String family, TaskOutcome... outcomes) {
        byFamily.put(family, List.of(outcomes));
    }

    public void clear() {
        byExecution.clear();
        byFamily.clear();
    }

    /** The outcome of the {@code n}-th (0-based) RunTask of an execution on a family. */
    TaskOutcome outcome(String executionName, String family, int n) {
        List<TaskOutcome> list = Optional.ofNullable(byExecution.get(executionName))
                .or(() -> Optional.ofNullable(byFamily.get(family))).orElse(List.of(TaskOutcome.DEFAULT));
        return list.isEmpty() ? TaskOutcome.DEFAULT : list.get(Math.min(n, list.size() - 1));
    }
}
