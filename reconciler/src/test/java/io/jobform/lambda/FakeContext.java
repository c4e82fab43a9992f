package io.jobform.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** The parts of the Lambda context the handler reads: request id and remaining time. */
record FakeContext(String requestId, int remainingMillis) implements Context {
    @Override public String getAwsRequestId() { return requestId; }
    @Override public int getRemainingTimeInMillis() { return remainingMillis; }
    @Override public String getLogGroupName() { return "/aws/lambda/jobform"; }
    @Override public String getLogStreamName() { return "2026/11/23/[$LATEST]0"; }
    @Override public String getFunctionName() { return "jobform"; }
    @Override public String getFunctionVersion() { return "1"; }
    @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:123456789012:function:jobform:live"; }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getMemoryLimitInMB() { return 1024; }
    @Override public LambdaLogger getLogger() { return null; }
}
