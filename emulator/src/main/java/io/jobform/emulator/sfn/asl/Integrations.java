package io.jobform.emulator.sfn.asl;

/**
 * The services a Task state calls. An unknown resource is answered with States.Runtime by the
 * implementation, so the execution fails naming the state.
 */
@FunctionalInterface
public interface Integrations {
    TaskAnswer call(TaskCall call);
}
