package io.jobform.emulator.scheduler;

import io.jobform.emulator.core.AwsRequest;

/** The restJson1 routes of EventBridge Scheduler (botocore scheduler/2021-06-30 "http" members). */
record SchedulerRoute(String operation, String name) {

    static SchedulerRoute of(AwsRequest request) {
        String path = request.path();
        String method = request.method();
        if (path.startsWith("/tags/")) {
            String arn = path.substring("/tags/".length());
            return new SchedulerRoute(switch (method) {
                case "POST" -> "TagResource";
                case "DELETE" -> "UntagResource";
                default -> "ListTagsForResource";
            }, arn);
        }
        String trimmed = path.replaceAll("/+$", "");
        if (trimmed.equals("/schedules")) {
            return new SchedulerRoute("ListSchedules", "");
        }
        if (trimmed.equals("/schedule-groups")) {
            return new SchedulerRoute("ListScheduleGroups", "");
        }
        // The server hands over a decoded path: a name sent as "a%2Fb" arrives as "a/b", so
        // everything after the collection is the name (and then fails the name pattern).
        for (String collection : new String[] {"/schedules/", "/schedule-groups/"}) {
            if (path.startsWith(collection) && path.length() > collection.length()) {
                String name = path.substring(collection.length());
                String suffix = collection.equals("/schedules/") ? "Schedule" : "ScheduleGroup";
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
