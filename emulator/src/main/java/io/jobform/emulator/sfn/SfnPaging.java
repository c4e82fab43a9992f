package io.jobform.emulator.sfn;

import io.jobform.emulator.core.AwsException;
import io.jobform.emulator.jsonapi.Fields;

/** Step Functions paging: maxResults 0..1000 where 0 means the default of 100; bad tokens are InvalidToken. */
final class SfnPaging {
    private SfnPaging() {}

    static int pageSize(Fields in) {
        long n = in.integer("maxResults", 0, 1000).orElse(0L);
        return n == 0 ? 100 : (int) n;
    }

    static AwsException invalidToken(String message) {
        return SfnErrors.of("InvalidToken", "Invalid Token: '" + message + "'");
    }
}
