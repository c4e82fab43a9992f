package io.jobform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.reconcile.Lease;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Apply's progress: changes on stdout (a failure without its reason), warnings on stderr, the lease message left to the command. */
class ProgressLinesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "  created  StateMachine/jobform-a  | out",
            "'  failed  Role/jobform-b: denied' | failed",
            "warning: _jobform/inventory.json has 2 unreadable entries | err",
            "LEASE                             | none"})
    void routesEachLine(String line, String stream) {
        String text = line.equals("LEASE")
                ? new Lease.Held("host/1/x", Instant.parse("2026-12-03T21:00:00Z")).message() : line;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        new ProgressLines(new PrintWriter(out), new PrintWriter(err)).accept(text);
        String shown = stream.equals("failed") ? "  failed  Role/jobform-b (the reason is on stderr)" : text;
        assertThat(out.toString()).isEqualTo(stream.equals("out") || stream.equals("failed")
                ? shown + System.lineSeparator() : "");
        assertThat(err.toString()).isEqualTo(stream.equals("err") ? text + System.lineSeparator() : "");
    }
}
