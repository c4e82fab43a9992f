package io.jobform.manifest;

import java.util.Optional;

/** @param onFailure an SNS topic ARN told about failed runs */
public record Notifications(Optional<String> onFailure) {

    public static Notifications none() {
        return new Notifications(Optional.empty());
    }
}
