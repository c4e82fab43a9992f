package io.jobform.calendar;

/**
 * The account limits a peak is compared with. Defaults are AWS's documented defaults per
 * account and Region; an account's applied values are often higher (Service Quotas console).
 *
 * @param vcpuQuota     "Fargate On-Demand vCPU resource count" (quota code L-3032A538), default 6:
 *                      https://docs.aws.amazon.com/general/latest/gr/ecs-service.html#service-quotas-fargate
 * @param spotVcpuQuota "Fargate Spot vCPU resource count" (L-36FBB829), default 6, same page
 * @param launchRate    RunTask calls per second on Fargate, 20 (burst and sustained), each of our
 *                      runs being one RunTask of one task; the task launch bucket (100, refilled
 *                      at 20 per second) is not tighter for single-task calls:
 *                      https://docs.aws.amazon.com/AmazonECS/latest/developerguide/throttling.html
 */
public record FargateLimits(double vcpuQuota, double spotVcpuQuota, int launchRate) {

    public static final FargateLimits AWS_DEFAULTS = new FargateLimits(6, 6, 20);

    public FargateLimits {
        if (!(vcpuQuota > 0) || !(spotVcpuQuota > 0) || launchRate < 1) {
            throw new IllegalArgumentException("Fargate limits must be positive");
        }
    }
}
