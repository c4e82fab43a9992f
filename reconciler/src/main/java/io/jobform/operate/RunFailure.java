package io.jobform.operate;

import io.jobform.render.FailureClass;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a run failed, read from the execution's Error and Cause as the rendered Fail state writes
 * them: Error = the {@link FailureClass}, Cause = {@code <reason> (attempts: N)}, where a
 * container failure's reason is {@code exit code N: <stopped reason>}.
 */
public record RunFailure(FailureClass failureClass, String reason, Optional<Integer> attempts, Optional<Integer> exitCode) {

    private static final Pattern ATTEMPTS = Pattern.compile("^(.*) \\(attempts: (\\d+)\\)$", Pattern.DOTALL);
    private static final Pattern EXIT = Pattern.compile("^exit code (\\d+): .*", Pattern.DOTALL);

    /** Empty for an execution that did not fail through jobform's Fail state (older machines, a stop, a timeout). */
    public static Optional<RunFailure> of(Execution e) {
        Optional<FailureClass> failure = e.error().flatMap(FailureClass::ofError);
        if (failure.isEmpty()) {
            return Optional.empty();
        }
        String cause = e.cause().orElse("");
        Matcher m = ATTEMPTS.matcher(cause);
        String reason = m.matches() ? m.group(1) : cause;
        Optional<Integer> attempts = m.matches() ? Optional.of(Integer.parseInt(m.group(2))) : Optional.empty();
        Matcher exit = EXIT.matcher(reason);
        Optional<Integer> exitCode = failure.get() == FailureClass.CONTAINER_FAILED && exit.matches()
                ? Optional.of(Integer.parseInt(exit.group(1))) : Optional.empty();
        return Optional.of(new RunFailure(failure.get(), reason, attempts, exitCode));
    }

    /** {@code container failed (jobform.ContainerFailed) after 3 attempts: exit code 3: ...}. */
    public String summary() {
        return failureClass.label() + " (" + failureClass.error() + ")"
                + attempts.map(n -> " after " + n + (n == 1 ? " attempt" : " attempts")).orElse("") + ": " + reason;
    }
}
