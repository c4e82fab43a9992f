package io.jobform.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jobform completion bash|zsh}: picocli's completion script for every command and
 * option. The script is bash; zsh runs it through bashcompinit, which it loads first.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Prints a shell completion script: source <(jobform completion bash), or for zsh "
                + "source <(jobform completion zsh).")
public final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    String shell;

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            return Usage.error(spec, "unknown shell " + shell + " (bash or zsh)");
        }
        String script = AutoComplete.bash("jobform", spec.root().commandLine());
        if (shell.equals("zsh")) {
            spec.commandLine().getOut().println("autoload -U +X compinit && compinit");
            spec.commandLine().getOut().println("autoload -U +X bashcompinit && bashcompinit");
        }
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
