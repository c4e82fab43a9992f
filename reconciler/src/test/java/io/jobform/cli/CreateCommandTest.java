package io.jobform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreateCommandTest {
    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void theNewManifestIsValidAsWrittenAndNeverOverwritten() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(out, err, "create", "job", "hello-world", "--dir", dir.toString())).as(err.toString()).isZero();
        String manifest = Files.readString(dir.resolve("hello-world.yaml"));
        assertThat(manifest).contains("  name: hello-world\n").contains("# timezone: UTC")
                .contains("# concurrencyPolicy: Allow");
        StringWriter vout = new StringWriter();
        assertThat(run(vout, new StringWriter(), "validate", dir.toString())).as(vout.toString()).isZero();
        assertThat(vout.toString()).contains("1 valid job(s), 0 invalid job(s), 0 error(s), 0 warning(s)");

        StringWriter again = new StringWriter();
        assertThat(run(new StringWriter(), again, "create", "job", "hello-world", "--dir", dir.toString())).isEqualTo(1);
        assertThat(again.toString()).contains("exists; nothing written");
        assertThat(Files.readString(dir.resolve("hello-world.yaml"))).isEqualTo(manifest);
    }

    @Test
    void aNameAwsWouldRefuseIsAUsageError() {
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "create", "job", "Hello_World", "--stdout")).isEqualTo(2);
        assertThat(err.toString()).startsWith("jobform create: job name Hello_World: lowercase letters");
    }
}
