package io.jobform.emulator.sfn;

/**
 * How a test completes an execution: executions never run anything in the emulator, they stay
 * RUNNING until one of these outcomes is applied.
 */
public sealed interface ExecutionOutcome {
    String status();

    /** SUCCEEDED with the execution's JSON output. */
    record Succeeded(String output) implements ExecutionOutcome {
        public String status() {
            return "SUCCEEDED";
        }
    }

    /** FAILED with the error name and cause, as a Fail state or an uncaught error reports them. */
    record Failed(String error, String cause) implements ExecutionOutcome {
        public String status() {
            return "FAILED";
        }
    }

    record TimedOut() implements ExecutionOutcome {
        public String status() {
            return "TIMED_OUT";
        }
    }

    record Aborted(String error, String cause) implements ExecutionOutcome {
        public String status() {
            return "ABORTED";
        }
    }
}
