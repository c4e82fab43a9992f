package io.jobform.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Runs the handler once outside Lambda, the way the runtime would: configuration from the
 * environment (add {@code JOBFORM_ENDPOINT_URL} for the local emulator), the event from a file
 * or stdin, the response on stdout after the log lines.
 * {@code java -cp jobform.jar io.jobform.lambda.LocalInvoke event.json}
 */
public final class LocalInvoke {

    private LocalInvoke() {}

    public static void main(String[] args) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(900));
        try (JobformHandler handler = new JobformHandler();
                InputStream event = args.length > 0 ? Files.newInputStream(Path.of(args[0])) : System.in) {
            handler.handleRequest(event, System.out, new LocalContext(UUID.randomUUID().toString(), end));
        }
        System.out.println();
    }

    /** The context of one local invocation with a 900 s budget, like the deployed function's timeout. */
    private record LocalContext(String requestId, Instant end) implements Context {
        @Override public String getAwsRequestId() { return requestId; }
        @Override public int getRemainingTimeInMillis() { return (int) Math.max(0, Duration.between(Instant.now(), end).toMillis()); }
        @Override public String getLogGroupName() { return "local"; }
        @Override public String getLogStreamName() { return "local"; }
        @Override public String getFunctionName() { return "jobform-local"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "local"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getMemoryLimitInMB() { return (int) (Runtime.getRuntime().maxMemory() / (1024 * 1024)); }
        @Override public LambdaLogger getLogger() { return null; }
    }
}
