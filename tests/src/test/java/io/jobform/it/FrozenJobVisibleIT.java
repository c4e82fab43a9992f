package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 10 (first half): a frozen job is not gone. get, describe, history and run showed
 * it as "not deployed"; they show its errors and the resources it still has.
 */
class FrozenJobVisibleIT extends AppliedExamples {

    @Test
    void aFrozenJobShowsItsErrorsAndTheResourcesItStillHas() {
        sandbox.edit("nightly-report.yaml", "memory: 1024", "memory: 1000");
        assertThat(sandbox.apply().hasInvalidManifests()).isTrue();
        OperateCli cli = new OperateCli(sandbox);

        OperateCli.Result describe = cli.run("describe", "job", "nightly-report");
        assertThat(describe.exit()).as(describe.err()).isZero();
        assertThat(describe.out()).contains("Valid:           no")
                .contains("Last error:      nightly-report.yaml:")
                .contains("  StateMachine/jobform-nightly-report\n    arn:     arn:aws:states:us-east-1:123456789012:"
                        + "stateMachine:jobform-nightly-report")
                .contains("  Schedule/jobform-nightly-report")
                .contains("  TaskDefinition/jobform-nightly-report");

        OperateCli.Result history = cli.run("history", "nightly-report");
        assertThat(history.exit()).as(history.err()).isZero();
        assertThat(history.err()).doesNotContain("not deployed");

        OperateCli.Result run = cli.run("run", "nightly-report");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("not deployed");

        OperateCli.Result get = cli.run("get", "jobs");
        assertThat(get.exit()).as(get.err()).isZero();
        assertThat(get.out().lines().filter(l -> l.startsWith("nightly-report"))).singleElement()
                .satisfies(l -> assertThat(l).contains("invalid"));
    }
}
