package io.jobform.cli;

/** {@code -o text|json} of the operate commands. */
enum OutputFormat {
    text, json
}
