package io.jobform.emulator.it;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/** SDK clients of the compute services and IAM roles trusted by a service principal. */
abstract class ComputeEndpointTestBase extends EndpointTestBase {

    protected static EcsClient ecs() {
        return EcsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials())
                .httpClient(http).overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    protected static SchedulerClient scheduler() {
        return SchedulerClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials()).httpClient(http)
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    protected static SfnClient sfn() {
        return SfnClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials())
                .httpClient(http).overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    /** Creates a role trusting {@code principal} and returns its ARN. */
    protected static String role(String name, String principal) {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\""
                + principal + "\"},\"Action\":\"sts:AssumeRole\"}]}";
        try (IamClient iam = iam()) {
            return iam.createRole(r -> r.roleName(name).path("/jobform/it/").assumeRolePolicyDocument(trust)).role().arn();
        }
    }
}
