package io.jobform.it;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;

/** An integration test whose manifests start as {@link ChangeSet#before}'s 20 jobs in {@link #dir}. */
abstract class OnChangeSet extends InSandbox {
    Path dir;

    @BeforeEach
    void writeChangeSet() {
        dir = work.resolve("jobs");
        ChangeSet.before(dir);
    }
}
