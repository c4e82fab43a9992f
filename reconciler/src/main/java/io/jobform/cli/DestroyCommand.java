package io.jobform.cli;

import io.jobform.plan.Change;
import io.jobform.plan.Plan;
import io.jobform.reconcile.Teardown;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jobform destroy}: deletes everything the instance owns (jobs, shared roles, schedule
 * group) after showing the plan and asking for the instance name. Refuses, deleting nothing,
 * while manifests remain or kept jobs still run with the instance's roles.
 */
@Command(name = "destroy", mixinStandardHelpOptions = true,
        description = "Deletes every resource the instance owns, including its shared roles and schedule group, "
                + "so that its stack can be deleted. Shows the plan first and asks for the instance name. "
                + "Exit 0 done or nothing to do, 1 refused by a guard, declined, lease held or a deletion failed, "
                + "2 usage.")
public final class DestroyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Option(names = "--dry-run", description = "Show what would be deleted; delete nothing.")
    boolean dryRun;

    @Option(names = "--confirm", paramLabel = "<instance>",
            description = "The instance name, to run without the interactive question (e.g. in scripts).")
    Optional<String> confirm = Optional.empty();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Engine session = Engine.open(engine, line -> {
            out.println(line);
            out.flush();
        })) {
            String instance = session.settings.config(session.clients.region()).instance();
            out.println("jobform destroy: instance " + instance + " in " + session.target);
            Plan plan = session.teardown.plan();
            plan.changes().forEach(c -> out.println(line(c, plan.guards())));
            // Each guard once, on stderr; the steps it holds only point to it.
            plan.guards().forEach(g -> err.println("jobform destroy: " + g));
            if (!plan.guards().isEmpty()) {
                err.println("jobform destroy: refused; nothing deleted");
                return ExitCodes.ERROR;
            }
            if (!plan.hasChanges()) {
                out.println("Nothing to destroy: instance " + instance + " owns no resources.");
                return ExitCodes.OK;
            }
            out.println("Destroy: " + plan.mutating().size() + " resource(s) to delete.");
            if (dryRun) {
                return ExitCodes.OK;
            }
            if (confirm.isPresent() && !confirm.get().equals(instance)) {
                err.println("jobform destroy: --confirm " + confirm.get() + " does not name instance " + instance);
                return ExitCodes.USAGE;
            }
            if (confirm.isEmpty() && !asked(instance, out)) {
                err.println("jobform destroy: not confirmed; nothing deleted");
                return ExitCodes.ERROR;
            }
            Teardown.Result result = session.teardown.run();
            if (result.leaseHeld().isPresent()) {
                err.println("jobform destroy: " + result.leaseHeld().get() + "; nothing deleted");
                return ExitCodes.ERROR;
            }
            result.plan().guards().forEach(g -> err.println("jobform destroy: " + g));
            result.failures().forEach(f -> err.println("error: " + f));
            out.println("Destroy: " + result.deleted().size() + " deleted, " + result.failures().size() + " failed.");
            return result.failures().isEmpty() && result.plan().guards().isEmpty() ? ExitCodes.OK : ExitCodes.ERROR;
        } catch (IllegalArgumentException e) {
            err.println("jobform destroy: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    private static String line(Change c, java.util.List<String> guards) {
        if (c instanceof Change.Skip s) {
            return "# " + c.id() + " (" + (guards.contains(s.reason()) ? "held back by a guard" : s.reason()) + ")";
        }
        return "- " + c.id();
    }

    /** Reads the answer from standard input; end of input is a no. */
    private static boolean asked(String instance, PrintWriter out) throws java.io.IOException {
        out.print("Type the instance name (" + instance + ") to delete these resources: ");
        out.flush();
        String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return answer != null && answer.strip().equals(instance);
    }
}
