package io.jobform.it;

import org.junit.jupiter.api.Test;

/** {@code apply --deep} against our emulator: only resources changed by hand are planned, with their fields. */
class DeepDriftIT extends AppliedExamples {

    @Test
    void aDeepDryRunPlansOnlyWhatWasChangedByHand() {
        new DeepDriftScenario(sandbox::apply, sandbox.clients).run();
    }
}
