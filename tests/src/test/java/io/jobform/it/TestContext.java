package io.jobform.it;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** A Lambda context with a request id and a fixed remaining time. */
record TestContext(String requestId, int remainingMillis) implements Context {
    @Override public String getAwsRequestId() { return requestId; }
    @Override public int getRemainingTimeInMillis() { return remainingMillis; }
    @Override public String getLogGroupName() { return "it"; }
    @Override public String getLogStreamName() { return "it"; }
    @Override public String getFunctionName() { return "jobform-it"; }
    @Override public String getFunctionVersion() { return "1"; }
    @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:123456789012:function:jobform-it"; }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getMemoryLimitInMB() { return 1024; }
    @Override public LambdaLogger getLogger() { return null; }
}
