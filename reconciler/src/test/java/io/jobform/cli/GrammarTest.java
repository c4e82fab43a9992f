package io.jobform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** One CLI grammar: -o/--output on every printing command, --format kept; usage errors are one line and a hint. */
class GrammarTest {
    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"validate", "render", "plan", "get", "describe", "history", "run", "rerun", "logs", "stop"})
    void everyPrintingCommandTakesOutputAndItsOldNameFormat(String command) {
        CommandLine.Model.OptionSpec option = new CommandLine(new Main()).getSubcommands().get(command)
                .getCommandSpec().findOption("-o");
        assertThat(option).as(command).isNotNull();
        assertThat(List.of(option.names())).containsExactlyInAnyOrder("-o", "--output", "--format");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "plan --bogus|jobform plan: Unknown option: '--bogus'",
        "run|jobform run: Missing required parameter: 'NAME'",
        "completion fish|jobform completion: unknown shell fish (bash or zsh)",
        "logs job --since soon|jobform logs: --since soon: not a duration: soon (use e.g. 90s, 15m, 2h or PT15M)"
    })
    void aUsageErrorIsOneLineAndWhereToReadMore(String args, String line) {
        Run r = run(args.split(" "));
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        String command = line.substring(0, line.indexOf(':'));
        assertThat(r.err()).isEqualTo(line + "\nsee '" + command + " --help'\n");
        assertThat(r.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh"})
    void completionCoversTheCommands(String shell) {
        Run r = run("completion", shell);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("complete -F _complete_jobform").contains("logs").contains("--follow");
        if (shell.equals("zsh")) {
            assertThat(r.out()).startsWith("autoload -U +X compinit && compinit\nautoload -U +X bashcompinit");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void versionNamesTheBuildAndItsCommit(String flag) {
        Run r = run(flag);
        assertThat(r.exit()).isZero();
        // Maven writes jobform-build.properties before the tests run; the commit is unknown outside a git checkout.
        assertThat(r.out().strip()).matches("jobform \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit ([0-9a-f]{12}|unknown)\\)");
    }
}
