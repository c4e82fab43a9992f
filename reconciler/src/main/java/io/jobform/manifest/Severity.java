package io.jobform.manifest;

/** How much a finding matters: errors freeze the job, warnings and notes only inform. */
public enum Severity {
    ERROR, WARNING, NOTE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The GitHub Actions workflow command that annotates a pull request at this level. */
    public String githubCommand() {
        return this == NOTE ? "notice" : label();
    }
}
