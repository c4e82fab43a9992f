package io.jobform.emulator.sfn;

/** One ValidateStateMachineDefinition diagnostic (API_ValidateStateMachineDefinitionDiagnostic). */
record Diagnostic(String severity, String code, String message, String location) {

    static Diagnostic error(String code, String message, String location) {
        return new Diagnostic("ERROR", code, message, location);
    }

    /** The text InvalidDefinition carries, e.g. "MISSING_TRANSITION_TARGET: Missing 'Next' target: X at /States/A/Next". */
    String render() {
        return code + ": " + message + (location == null ? "" : " at " + location);
    }
}
