package io.jobform.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client-side rate limits per API operation, shared by every worker of one process, so a bulk
 * create runs at the published AWS rate instead of running into throttling.
 *
 * <p>Defaults follow the published account-level quotas (sustained per second / burst):
 * <ul>
 *   <li>ECS, https://docs.aws.amazon.com/AmazonECS/latest/APIReference/request-throttling.html:
 *       task definition mutations 1/1, reads 20/50.</li>
 *   <li>Step Functions, https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html
 *       (API action throttling): state machine create/update/delete 1/100, tag/untag 1/200 (shared
 *       "other" bucket), describe 20/200.</li>
 *   <li>EventBridge Scheduler, https://docs.aws.amazon.com/scheduler/latest/UserGuide/scheduler-quotas.html:
 *       Create/Update/Delete/GetSchedule and ListSchedules 50 requests per second each.</li>
 *   <li>IAM publishes no per-API rate; https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 *       asks callers to limit mutating calls; jobform keeps IAM mutations at 5/s and reads at 10/s.</li>
 *   <li>S3: 3,500 PUT/DELETE and 5,500 GET per second per prefix (S3 performance guide).</li>
 * </ul>
 * {@code scale} multiplies every rate: benchmarks use it to emulate the limits faster or slower.
 */
public final class RateLimits {

    record Rate(double perSecond, double burst) {}

    private static final Map<String, Rate> DEFAULTS = Map.ofEntries(
            Map.entry("Ecs.RegisterTaskDefinition", new Rate(1, 1)),
            Map.entry("Ecs.DeregisterTaskDefinition", new Rate(1, 1)),
            Map.entry("Ecs.DeleteTaskDefinitions", new Rate(1, 1)),
            Map.entry("Ecs.TagResource", new Rate(1, 1)),
            Map.entry("Ecs.UntagResource", new Rate(1, 1)),
            Map.entry("Ecs.DescribeTaskDefinition", new Rate(20, 50)),
            Map.entry("Sfn.CreateStateMachine", new Rate(1, 100)),
            Map.entry("Sfn.UpdateStateMachine", new Rate(1, 100)),
            Map.entry("Sfn.DeleteStateMachine", new Rate(1, 100)),
            Map.entry("Sfn.TagResource", new Rate(1, 200)),
            Map.entry("Sfn.UntagResource", new Rate(1, 200)),
            Map.entry("Sfn.DescribeStateMachine", new Rate(20, 200)),
            Map.entry("Scheduler.CreateSchedule", new Rate(50, 50)),
            Map.entry("Scheduler.UpdateSchedule", new Rate(50, 50)),
            Map.entry("Scheduler.DeleteSchedule", new Rate(50, 50)),
            Map.entry("Scheduler.GetSchedule", new Rate(50, 50)),
            Map.entry("Scheduler.ListSchedules", new Rate(50, 50)));

    private static final Rate IAM_MUTATION = new Rate(5, 10);
    private static final Rate IAM_READ = new Rate(10, 20);
    private static final Rate S3_WRITE = new Rate(3500, 3500);
    private static final Rate S3_READ = new Rate(5500, 5500);
    static final Rate OTHER = new Rate(10, 20);

    private final double scale;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimits(double scale) {
        if (scale <= 0) {
            throw new IllegalArgumentException("scale must be positive");
        }
        this.scale = scale;
    }

    public static RateLimits published() {
        return new RateLimits(1.0);
    }

    /** Blocks until the operation may be called. */
    void acquire(String service, String operation) throws InterruptedException {
        String key = service + "." + operation;
        buckets.computeIfAbsent(key, k -> {
            Rate rate = rateOf(service, operation, k);
            return new TokenBucket(rate.perSecond() * scale, Math.max(1, rate.burst()));
        }).acquire();
    }

    /**
     * The rate for one operation. {@code service} is the SDK's name for the client
     * ({@code SdkExecutionAttribute.SERVICE_NAME}: Ecs, Sfn, Scheduler, Iam, S3),
     * which is what the interceptor sees; {@code RateLimitsTest}
     * checks the table against the names the real clients report.
     */
    static Rate rateOf(String service, String operation) {
        return rateOf(service, operation, service + "." + operation);
    }

    private static Rate rateOf(String service, String operation, String key) {
        Rate known = DEFAULTS.get(key);
        if (known != null) {
            return known;
        }
        boolean read = operation.startsWith("Get") || operation.startsWith("List") || operation.startsWith("Describe")
                || operation.startsWith("Head");
        return switch (service) {
            case "Iam" -> read ? IAM_READ : IAM_MUTATION;
            case "S3" -> read ? S3_READ : S3_WRITE;
            default -> OTHER;
        };
    }
}
