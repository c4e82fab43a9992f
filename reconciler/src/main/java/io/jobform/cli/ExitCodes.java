package io.jobform.cli;

/** Exit codes shared by every command. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int USAGE = 2;
    public static final int INVALID_MANIFESTS = 3;
    public static final int CHANGES_PENDING = 4;

    private ExitCodes() {}
}
