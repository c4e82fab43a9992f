package io.jobform.cli;

import io.jobform.validate.FieldDocs;
import io.jobform.validate.ManifestTemplate;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jobform create job NAME}: writes a new, valid, commented manifest. Touches no AWS resource. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Writes DIR/NAME.yaml: a manifest valid as written (a nightly busybox echo), every other field "
                + "commented out with its default or an example. Never overwrites a file.")
public final class CreateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "job", description = "What to create: job.")
    String what;

    @Parameters(index = "1", paramLabel = "NAME", description = "The job's metadata.name.")
    String name;

    @Option(names = "--dir", defaultValue = "manifests", description = "Where to write it (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--stdout", description = "Print the manifest instead of writing a file.")
    boolean stdout;

    @Override
    public Integer call() {
        if (!what.equals("job")) {
            return Usage.error(spec, "unknown resource type " + what + " (use: jobform create job NAME)");
        }
        String manifest;
        try {
            manifest = ManifestTemplate.job(name, FieldDocs.load());
        } catch (IllegalArgumentException e) {
            return Usage.error(spec, e.getMessage());
        }
        if (stdout) {
            spec.commandLine().getOut().print(manifest);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        Path file = dir.resolve(name + ".yaml");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, manifest, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            spec.commandLine().getErr().println("jobform create: " + file + " exists; nothing written");
            return ExitCodes.ERROR;
        } catch (IOException e) {
            spec.commandLine().getErr().println("jobform create: cannot write " + file + ": " + e.getMessage());
            return ExitCodes.ERROR;
        }
        spec.commandLine().getOut().println("created " + file + " (ScheduledJob/" + name + "); check it with "
                + "jobform validate " + dir);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
