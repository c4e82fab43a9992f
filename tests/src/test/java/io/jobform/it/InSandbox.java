package io.jobform.it;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** An integration test whose every case gets a fresh {@link Sandbox} (emulator, clients, bucket) in {@link #work}. */
abstract class InSandbox {
    @TempDir
    Path work;
    Sandbox sandbox;

    @BeforeEach
    void openSandbox() {
        sandbox = new Sandbox(work);
    }

    @AfterEach
    void closeSandbox() {
        sandbox.close();
    }
}
