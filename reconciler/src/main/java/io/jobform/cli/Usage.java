package io.jobform.cli;

import picocli.CommandLine.Model.CommandSpec;

/** A usage error: one line naming the command, and where to read more; exit 2. */
final class Usage {
    private Usage() {}

    static int error(CommandSpec spec, String message) {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + message);
        spec.commandLine().getErr().println("see '" + spec.qualifiedName() + " --help'");
        return ExitCodes.USAGE;
    }
}
