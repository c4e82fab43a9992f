package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** An integration test whose every case starts from the example manifests applied to a fresh {@link Sandbox}. */
abstract class AppliedExamples {
    @TempDir
    Path work;
    Sandbox sandbox;

    @BeforeEach
    void applyExamples() {
        sandbox = new Sandbox(work);
        assertThat(sandbox.apply().apply().orElseThrow().failures()).isEmpty();
    }

    @AfterEach
    void closeSandbox() {
        sandbox.close();
    }
}
