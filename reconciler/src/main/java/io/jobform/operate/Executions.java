package io.jobform.operate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Step Functions calls the operate commands make (implemented over the SDK in
 * {@code io.jobform.aws.ExecutionClient}). Failures are {@link OperateException}s.
 */
public interface Executions {

    /** The state machine's ASL definition; empty when it does not exist. */
    Optional<String> definition(String stateMachineArn);

    /** StartExecution; returns the execution ARN. */
    String start(String stateMachineArn, String name, String input);

    /** DescribeExecution (input, output, error, cause, redrive status). */
    Execution describe(String executionArn);

    /** ListExecutions, newest first, at most {@code limit} (fewer calls than pages of 1,000 are never made). */
    List<Execution> list(String stateMachineArn, int limit);

    /** RedriveExecution; returns the redrive date. */
    Instant redrive(String executionArn);

    /** ListExecutions with a status filter (RUNNING, ...), newest first, at most {@code limit}. */
    List<Execution> list(String stateMachineArn, int limit, String status);

    /** StopExecution with an error code and a cause; returns the stop date. */
    Instant stop(String executionArn, String error, String cause);

    /** GetExecutionHistory, oldest first, every page. */
    List<ExecutionEvent> events(String executionArn);
}
