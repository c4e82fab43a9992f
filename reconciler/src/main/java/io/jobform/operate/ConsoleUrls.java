package io.jobform.operate;

/**
 * Console links for executions. The shape is the one the Step Functions console itself uses
 * for its execution details page (the "New execution page" layout of the developer guide's
 * "Execution Details page" overview); AWS does not document console URLs as an interface, so
 * this is best known rather than guaranteed. Only the commercial partition's console host is
 * built here.
 */
public final class ConsoleUrls {
    private ConsoleUrls() {}

    public static String execution(String executionArn) {
        String region = ExecutionNames.regionOf(executionArn);
        return "https://" + region + ".console.aws.amazon.com/states/home?region=" + region
                + "#/v2/executions/details/" + executionArn;
    }
}
