package io.jobform.aws;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * A new or changed IAM role takes seconds to become usable by other services ("changes that I
 * make are not always immediately visible", IAM troubleshooting guide). Step Functions and
 * Scheduler then reject the role with an error saying they cannot assume it; such calls are
 * retried with exponential backoff up to a limit, any other error is returned at once.
 */
public record PropagationRetry(int maxAttempts, Duration initialDelay, Duration maxDelay) {

    public static PropagationRetry standard() {
        return new PropagationRetry(8, Duration.ofMillis(500), Duration.ofSeconds(8));
    }

    public <T> T call(Supplier<T> call) {
        Duration delay = initialDelay;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (AwsServiceException e) {
                if (attempt >= maxAttempts || !isPropagation(e)) {
                    throw e;
                }
            }
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for IAM propagation", e);
            }
            delay = delay.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : delay.multipliedBy(2);
        }
    }

    static boolean isPropagation(AwsServiceException e) {
        String message = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
                ? String.valueOf(e.getMessage()) : e.awsErrorDetails().errorMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("assume") || lower.contains("not authorized to perform: iam:passrole");
    }
}
