package io.jobform.emulator.sfn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.core.AwsException;
import io.jobform.emulator.core.AwsRequest;
import io.jobform.emulator.core.AwsResponse;
import io.jobform.emulator.jsonapi.Fields;
import io.jobform.emulator.jsonapi.JsonBody;
import java.util.Optional;

/** The /_emulator/states/... test hooks over HTTP. Errors answer 400/404/409 with {"message"}. */
final class StatesAdmin {
    private StatesAdmin() {}

    static Optional<AwsResponse> handle(StepFunctionsService service, AwsRequest request) {
        String path = request.path().replaceAll("/+$", "");
        try {
            if (path.endsWith("/executions/complete") && request.method().equals("POST")) {
                Fields in = JsonBody.parse(request.body(), IllegalArgumentException::new);
                service.completeExecution(in.requiredString("executionArn"), outcome(in));
                return Optional.of(JsonBody.ok("application/json", JsonBody.object().put("status", "ok")));
            }
            if (path.endsWith("/executions") && request.method().equals("GET")) {
                String region = request.queryParam("region").orElse(request.region());
                String status = request.queryParam("status").orElse("RUNNING");
                ObjectNode out = JsonBody.object();
                service.executionArns(region, status).forEach(out.putArray("executionArns")::add);
                if (!out.has("executionArns")) {
                    out.putArray("executionArns");
                }
                return Optional.of(JsonBody.ok("application/json", out));
            }
        } catch (IllegalArgumentException e) {
            return Optional.of(error(400, e.getMessage()));
        } catch (IllegalStateException e) {
            return Optional.of(error(409, e.getMessage()));
        } catch (AwsException e) {
            return Optional.of(error(404, e.getMessage()));
        }
        return Optional.empty();
    }

    private static ExecutionOutcome outcome(Fields in) {
        String status = in.requiredString("status");
        return switch (status) {
            case "SUCCEEDED" -> new ExecutionOutcome.Succeeded(in.string("output").orElse("{}"));
            case "FAILED" -> new ExecutionOutcome.Failed(in.string("error").orElse(null), in.string("cause").orElse(null));
            case "TIMED_OUT" -> new ExecutionOutcome.TimedOut();
            case "ABORTED" -> new ExecutionOutcome.Aborted(in.string("error").orElse(null), in.string("cause").orElse(null));
            default -> throw new IllegalArgumentException("status must be SUCCEEDED, FAILED, TIMED_OUT or ABORTED");
        };
    }

    private static AwsResponse error(int status, String message) {
        ObjectNode body = JsonBody.object().put("message", message);
        return AwsResponse.of(status, "application/json", body.toString());
    }
}
