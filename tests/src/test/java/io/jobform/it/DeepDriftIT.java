package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code apply --deep} against our emulator: only resources changed by hand are planned, with their fields. */
class DeepDriftIT extends AppliedExamples {

    @Test
    void aDeepDryRunPlansOnlyWhatWasChangedByHand() {
        new DeepDriftScenario(sandbox::apply, sandbox.clients).run();
    }

    @Test
    void theCliShowsTheEditedResourceWithItsFieldAndNothingElse() {
        OperateCli cli = new OperateCli(sandbox);
        String[] deepDryRun = {"apply", "--deep", "--dry-run", "--source", sandbox.manifests.toString(),
            "--boundary-arn", "arn:aws:iam::123456789012:policy/jobform-boundary", "--cluster", "jobform-local",
            "--subnets", "subnet-local", "--security-groups", "sg-local"};
        OperateCli.Result clean = cli.run(deepDryRun);
        assertThat(clean.exit()).as(clean.err()).isZero();
        assertThat(clean.out()).as(clean.out()).contains("Plan: 0 to create, 0 to update, 0 to delete")
                .doesNotContain("Schedule/", "TaskDefinition/");

        ConsoleEdits.disableSchedule(sandbox.clients);
        OperateCli.Result drifted = cli.run(deepDryRun);
        assertThat(drifted.err()).doesNotContain("Exception");
        assertThat(drifted.out()).as(drifted.out()).containsPattern("Schedule/jobform-nightly-report")
                .containsPattern("State.*ENABLED").contains("Plan: 0 to create, 1 to update, 0 to delete")
                .doesNotContain("StateMachine/", "TaskDefinition/", "Role/");
    }
}
