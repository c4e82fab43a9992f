package io.jobform.runs;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.emulator.sfn.asl.ExecutionContext;
import io.jobform.emulator.sfn.asl.ExecutionResult;
import io.jobform.emulator.sfn.asl.Interpreter;
import io.jobform.emulator.sfn.asl.TaskAnswer;
import io.jobform.emulator.sfn.asl.TaskCall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs a {@link ScriptedRun} in the emulator's interpreter, on its simulated clock (waits cost no time). */
final class EmulatorInterpreter {

    private EmulatorInterpreter() {}

    static RunResult run(ScriptedRun run) {
        Map<String, List<JsonNode>> calls = new LinkedHashMap<>();
        ExecutionContext context = new ExecutionContext(ScriptedRun.EXECUTION, ScriptedRun.EXECUTION_NAME,
                ScriptedRun.STATE_MACHINE, "jobform-job", "arn:aws:iam::123456789012:role/jobform/jobform/jobform-states",
                ScriptedRun.START, run.input(), 0);
        ExecutionResult result = Interpreter.run(run.definition(), context, call -> answer(run, calls, call),
                context.startTime(), Optional.empty());
        return new RunResult(result.status(), result.error(), result.cause(), result.visitedStates(), calls);
    }

    private static TaskAnswer answer(ScriptedRun run, Map<String, List<JsonNode>> calls, TaskCall call) {
        List<JsonNode> made = calls.computeIfAbsent(call.stateName(), k -> new ArrayList<>());
        made.add(call.parameters());
        List<TaskScript> answers = run.script().getOrDefault(call.stateName(), List.of());
        if (answers.isEmpty()) {
            return TaskAnswer.failure("Harness.Unscripted", "no scripted answer for " + call.stateName(), call.at());
        }
        TaskScript answer = answers.get(Math.min(made.size(), answers.size()) - 1);
        Instant at = call.at().plusSeconds(1);
        return answer.error().isPresent()
                ? TaskAnswer.failure(answer.error().get(), answer.cause().orElse(null), at)
                : TaskAnswer.result(answer.output().orElseThrow(), at);
    }
}
