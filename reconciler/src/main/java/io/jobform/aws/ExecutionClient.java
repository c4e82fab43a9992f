package io.jobform.aws;

import io.jobform.operate.Execution;
import io.jobform.operate.ExecutionEvent;
import io.jobform.operate.Executions;
import io.jobform.operate.OperateException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;

/**
 * Executions of a job's state machine over the Step Functions API (botocore
 * stepfunctions/2016-11-23): StartExecution, DescribeExecution, ListExecutions (newest first,
 * maxResults up to 1,000), RedriveExecution, StopExecution, GetExecutionHistory and
 * DescribeStateMachine for the deployed input.
 */
public final class ExecutionClient implements Executions {
    /** ListExecutions maxResults upper bound (API reference). */
    static final int MAX_PAGE = 1000;

    private final SfnClient sfn;

    public ExecutionClient(SfnClient sfn) {
        this.sfn = sfn;
    }

    @Override
    public Optional<String> definition(String stateMachineArn) {
        return AwsErrors.translate("DescribeStateMachine", () -> {
            try {
                return Optional.of(sfn.describeStateMachine(b -> b.stateMachineArn(stateMachineArn)).definition());
            } catch (StateMachineDoesNotExistException e) {
                return Optional.<String>empty();
            }
        });
    }

    @Override
    public String start(String stateMachineArn, String name, String input) {
        return AwsErrors.translate("StartExecution", () -> sfn.startExecution(b -> b.stateMachineArn(stateMachineArn)
                .name(name).input(input)).executionArn());
    }

    @Override
    public Execution describe(String executionArn) {
        DescribeExecutionResponse d = AwsErrors.translate("DescribeExecution",
                () -> sfn.describeExecution(b -> b.executionArn(executionArn)));
        return new Execution(d.executionArn(), d.name(), d.statusAsString(), d.startDate(),
                Optional.ofNullable(d.stopDate()), Optional.ofNullable(d.input()), Optional.ofNullable(d.output()),
                Optional.ofNullable(d.error()), Optional.ofNullable(d.cause()),
                d.redriveCount() == null ? 0 : d.redriveCount(), Optional.ofNullable(d.redriveStatusAsString()),
                Optional.ofNullable(d.redriveStatusReason()));
    }

    @Override
    public List<Execution> list(String stateMachineArn, int limit) {
        return list(stateMachineArn, limit, null);
    }

    @Override
    public List<Execution> list(String stateMachineArn, int limit, String status) {
        List<Execution> out = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            int page = Math.min(MAX_PAGE, limit - out.size());
            ListExecutionsResponse r = AwsErrors.translate("ListExecutions", () -> sfn.listExecutions(b -> b
                    .stateMachineArn(stateMachineArn).maxResults(page).nextToken(next).statusFilter(status)));
            r.executions().stream().limit(limit - out.size()).map(ExecutionClient::summary).forEach(out::add);
            token = r.nextToken();
        } while (token != null && out.size() < limit);
        return List.copyOf(out);
    }

    @Override
    public Instant redrive(String executionArn) {
        return AwsErrors.translate("RedriveExecution", () -> {
            try {
                return sfn.redriveExecution(b -> b.executionArn(executionArn)).redriveDate();
            } catch (ExecutionNotRedrivableException e) {
                throw new OperateException(OperateException.Kind.FAILED, "not redrivable: "
                        + e.awsErrorDetails().errorMessage());
            }
        });
    }

    /** Error and cause are at most 256 and 32,768 characters (API_StopExecution). */
    @Override
    public Instant stop(String executionArn, String error, String cause) {
        return AwsErrors.translate("StopExecution", () -> sfn.stopExecution(b -> b.executionArn(executionArn)
                .error(error).cause(cause)).stopDate());
    }

    @Override
    public List<ExecutionEvent> events(String executionArn) {
        List<ExecutionEvent> out = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            GetExecutionHistoryResponse r = AwsErrors.translate("GetExecutionHistory", () -> sfn.getExecutionHistory(
                    b -> b.executionArn(executionArn).maxResults(MAX_PAGE).nextToken(next)));
            r.events().stream().map(HistoryEvents::of).forEach(out::add);
            token = r.nextToken();
        } while (token != null);
        return List.copyOf(out);
    }

    private static Execution summary(ExecutionListItem e) {
        return new Execution(e.executionArn(), e.name(), e.statusAsString(), e.startDate(),
                Optional.ofNullable(e.stopDate()), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), e.redriveCount() == null ? 0 : e.redriveCount(), Optional.empty(), Optional.empty());
    }
}
