package io.jobform.aws;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * One line saying what to set when jobform cannot reach AWS at all: no region, no
 * credentials, an endpoint that does not answer, a bucket that does not exist. The SDK's own
 * messages list every provider of its chains; the user needs the setting, not the chain.
 */
public final class SetupErrors {
    private SetupErrors() {}

    public static Optional<String> describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            Optional<String> line = one(t);
            if (line.isPresent()) {
                return line;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> one(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage();
        if (t instanceof SdkClientException && message.startsWith("Unable to load region")) {
            return Optional.of("no AWS region: pass --region or set JOBFORM_REGION or AWS_REGION (or try --local)");
        }
        if (t instanceof SdkClientException && message.startsWith("Unable to load credentials")) {
            return Optional.of("no AWS credentials: set AWS_PROFILE (after aws sso login) or AWS_ACCESS_KEY_ID and "
                    + "AWS_SECRET_ACCESS_KEY (or try --local)");
        }
        if (t instanceof ConnectException || t instanceof UnknownHostException) {
            return Optional.of("cannot reach the AWS endpoint (" + (message.isEmpty() ? t.getClass().getSimpleName()
                    : message) + "): check --endpoint-url and that it is running, or the network");
        }
        if (t instanceof AwsServiceException e && e.awsErrorDetails() != null
                && "NoSuchBucket".equals(e.awsErrorDetails().errorCode())) {
            return Optional.of("the bucket does not exist: create it (deploy/template.yaml does), or pass --bucket or "
                    + "set JOBFORM_BUCKET to the instance's bucket");
        }
        return Optional.empty();
    }
}
