package io.jobform.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The size of the RunTask {@code overrides} a run sends. The ECS API reference (RunTask,
 * {@code overrides}) limits them: "A total of 8192 characters are allowed for overrides. This
 * limit includes the JSON formatting characters of the override structure." Step Functions
 * passes the state's {@code Overrides} to RunTask with the API's member names, so the size is
 * that of {@code {"containerOverrides":[{"name":…,"environment":[…]}]}} with the input as the
 * JSON string {@code JOB_INPUT} and the longest execution name (80 characters, Step Functions
 * API reference, StartExecution {@code name}) as {@code JOB_EXECUTION}.
 */
public final class RunTaskOverrides {

    public static final int LIMIT = 8192;
    static final int LONGEST_EXECUTION_NAME = 80;

    private RunTaskOverrides() {}

    /** Characters of the overrides for a run of {@code job} with {@code input}, as RunTask receives them. */
    public static int size(String job, JsonNode input) {
        ObjectNode overrides = CanonicalJson.object();
        ObjectNode container = overrides.putArray("containerOverrides").addObject();
        container.put("name", job);
        var env = container.putArray("environment");
        env.addObject().put("name", "JOB_INPUT").put("value", CanonicalJson.write(input));
        env.addObject().put("name", "JOB_EXECUTION").put("value", "x".repeat(LONGEST_EXECUTION_NAME));
        return CanonicalJson.write(overrides).length();
    }

    /** Empty when it fits; else the message naming the size and the limit. */
    public static java.util.Optional<String> problem(String job, JsonNode input) {
        int size = size(job, input);
        return size <= LIMIT ? java.util.Optional.empty()
                : java.util.Optional.of("the RunTask overrides of a run would be " + size + " characters (input as JOB_INPUT, "
                        + "JOB_EXECUTION and the container name); ECS allows " + LIMIT + " including JSON formatting. "
                        + "Pass a reference (e.g. an S3 key) instead of the data");
    }
}
