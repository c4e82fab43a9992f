package io.jobform.aws;

import io.jobform.operate.OperateException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns SDK exceptions into {@link OperateException}s with one line for the user: which call,
 * the AWS error code and message. Permission errors are recognised by their error codes
 * (AccessDenied, AccessDeniedException, UnrecognizedClientException, InvalidClientTokenId,
 * ExpiredToken...) or HTTP 403.
 */
final class AwsErrors {
    private AwsErrors() {}

    static <T> T translate(String call, Supplier<T> body) {
        try {
            return body.get();
        } catch (AwsServiceException e) {
            throw of(call, e);
        } catch (SdkClientException e) {
            throw new OperateException(OperateException.Kind.FAILED, SetupErrors.describe(e)
                    .orElseGet(() -> call + " failed: " + firstLine(e.getMessage())));
        } catch (SdkException e) {
            throw new OperateException(OperateException.Kind.FAILED, call + " failed: " + firstLine(e.getMessage()));
        }
    }

    static OperateException of(String call, AwsServiceException e) {
        var setup = SetupErrors.describe(e);
        if (setup.isPresent()) {
            return new OperateException(OperateException.Kind.FAILED, setup.get());
        }
        String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? ""
                : e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
                ? firstLine(e.getMessage()) : e.awsErrorDetails().errorMessage();
        OperateException.Kind kind;
        if (e.statusCode() == 403 || code.startsWith("AccessDenied") || code.startsWith("UnrecognizedClient")
                || code.equals("InvalidClientTokenId") || code.startsWith("ExpiredToken")
                || code.equals("InvalidSignatureException") || code.equals("SignatureDoesNotMatch")) {
            kind = OperateException.Kind.ACCESS_DENIED;
        } else if (code.endsWith("DoesNotExist") || code.startsWith("NoSuch") || e.statusCode() == 404) {
            kind = OperateException.Kind.NOT_FOUND;
        } else {
            kind = OperateException.Kind.FAILED;
        }
        String what = kind == OperateException.Kind.ACCESS_DENIED ? "no permission for " + call : call + " failed";
        return new OperateException(kind, what + ": " + (code.isEmpty() ? "" : code + ": ") + message);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
