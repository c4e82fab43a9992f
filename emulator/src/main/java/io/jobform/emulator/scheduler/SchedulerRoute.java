package io.jobform.emulator.scheduler;

import io.jobform.emulator.core.AwsRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** The restJson1 routes of EventBridge Scheduler (botocore scheduler/2021-06-30 "http" members). */
record SchedulerRoute(String operation, String name) {

    static SchedulerRoute of(AwsRequest request) {
        String path = request.path();
        String method = request.method();
        if (path.startsWith("/tags/")) {
            String arn = URLDecoder.decode(path.substring("/tags/".length()).replace("+", "%2B"), StandardCharsets.UTF_8);
            return new SchedulerRoute(switch (method) {
                case "POST" -> "TagResource";
                case "DELETE" -> "UntagResource";
                default -> "ListTagsForResource";
            }, arn);
        }
        String[] parts = path.replaceAll("/+$", "").split("/");
        if (parts.length == 2) {
            return new SchedulerRoute(switch (parts[1]) {
                case "schedules" -> "ListSchedules";
                case "schedule-groups" -> "ListScheduleGroups";
                default -> "Unknown";
            }, "");
        }
        if (parts.length == 3) {
            String name = URLDecoder.decode(parts[2], StandardCharsets.UTF_8);
            String suffix = parts[1].equals("schedules") ? "Schedule" : parts[1].equals("schedule-groups") ? "ScheduleGroup" : null;
            if (suffix != null) {
                String verb = switch (method) {
                    case "POST" -> "Create";
                    case "PUT" -> suffix.equals("Schedule") ? "Update" : "Unknown";
                    case "DELETE" -> "Delete";
                    case "GET" -> "Get";
                    default -> "Unknown";
                };
                return new SchedulerRoute(verb.equals("Unknown") ? "Unknown" : verb + suffix, name);
            }
        }
        return new SchedulerRoute("Unknown", "");
    }
}
