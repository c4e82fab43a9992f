package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;

/** An integration test whose every case starts from the example manifests applied to a fresh {@link Sandbox}. */
abstract class AppliedExamples extends InSandbox {

    @BeforeEach
    void applyExamples() {
        assertThat(sandbox.apply().apply().orElseThrow().failures()).isEmpty();
    }
}
