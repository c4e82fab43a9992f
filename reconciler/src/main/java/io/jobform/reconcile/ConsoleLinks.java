package io.jobform.reconcile;

import io.jobform.resource.ResourceId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where a resource is seen in the AWS console; every status entry links there. */
final class ConsoleLinks {
    private ConsoleLinks() {}

    static String of(ResourceId id, String arn, String region, String group) {
        String host = "https://" + region + ".console.aws.amazon.com";
        return switch (id.kind()) {
            case TASK_DEFINITION -> host + "/ecs/v2/task-definitions/" + id.name() + "/" + revision(arn)
                    + "?region=" + region;
            case STATE_MACHINE -> host + "/states/home?region=" + region + "#/statemachines/view/"
                    + URLEncoder.encode(arn, StandardCharsets.UTF_8);
            case SCHEDULE -> host + "/scheduler/home?region=" + region + "#schedules/" + group + "/" + id.name();
            case SCHEDULE_GROUP -> host + "/scheduler/home?region=" + region + "#schedule-groups/" + id.name();
            case ROLE -> "https://console.aws.amazon.com/iam/home#/roles/details/" + id.name();
        };
    }

    private static String revision(String arn) {
        int colon = arn.lastIndexOf(':');
        return colon < 0 ? "" : arn.substring(colon + 1);
    }
}
