package io.jobform.emulator.sfn;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names and ARNs of state machines and executions. A name is 1..80 characters without white
 * space, brackets, wildcards, the special characters " # % \ ^ | ~ ` $ & , ; : / or control
 * characters (API_CreateStateMachine, API_StartExecution).
 */
final class SfnNames {
    private static final Pattern FORBIDDEN = Pattern.compile("[\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\x00-\\x1f\\x7f-\\x9f]");
    private static final Pattern MACHINE_ARN = Pattern.compile(
            "^arn:aws[a-z-]*:states:([a-z0-9-]+):(\\d{12}):stateMachine:([^:]+)$");
    private static final Pattern EXECUTION_ARN = Pattern.compile(
            "^arn:aws[a-z-]*:states:([a-z0-9-]+):(\\d{12}):execution:([^:]+):([^:]+)$");
    static final Pattern ROLE_ARN = Pattern.compile("^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$");

    record MachineRef(String region, String account, String name) {}

    record ExecutionRef(String region, String account, String machine, String name) {}

    private SfnNames() {}

    static String checkName(String name) {
        if (name.isEmpty() || name.codePointCount(0, name.length()) > 80 || FORBIDDEN.matcher(name).find()) {
            throw SfnErrors.of("InvalidName", "Invalid Name: '" + name + "'");
        }
        return name;
    }

    static MachineRef machine(String arn) {
        Matcher m = MACHINE_ARN.matcher(arn);
        if (!m.matches()) {
            throw SfnErrors.invalidArn(arn);
        }
        return new MachineRef(m.group(1), m.group(2), m.group(3));
    }

    static ExecutionRef execution(String arn) {
        Matcher m = EXECUTION_ARN.matcher(arn);
        if (!m.matches()) {
            throw SfnErrors.invalidArn(arn);
        }
        return new ExecutionRef(m.group(1), m.group(2), m.group(3), m.group(4));
    }

    static Optional<String> regionOfExecution(String arn) {
        Matcher m = EXECUTION_ARN.matcher(arn);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static String machineArn(String region, String account, String name) {
        return "arn:aws:states:" + region + ":" + account + ":stateMachine:" + name;
    }

    static String executionArn(String region, String account, String machine, String name) {
        return "arn:aws:states:" + region + ":" + account + ":execution:" + machine + ":" + name;
    }
}
