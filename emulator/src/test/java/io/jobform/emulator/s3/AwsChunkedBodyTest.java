package io.jobform.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobform.emulator.core.AwsException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AwsChunkedBodyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // body with \r\n written as ~ | payload | trailer
            "5~hello~0~x-amz-checksum-crc32:NhCmhg==~~|hello|NhCmhg==",
            "3;chunk-signature=abc~hel~2;chunk-signature=def~lo~0;chunk-signature=0~~|hello|",
            "0~~||",
    })
    void decodesChunksAndTrailers(String encoded, String payload, String trailer) {
        AwsChunkedBody body = AwsChunkedBody.decode(encoded.replace("~", "\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(body.payload(), StandardCharsets.UTF_8)).isEqualTo(payload == null ? "" : payload);
        if (trailer != null) {
            assertThat(body.trailers()).containsEntry("x-amz-checksum-crc32", trailer);
        } else {
            assertThat(body.trailers()).isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource({"zz~abc~", "9~short~0~~", "5~hello"})
    void rejectsTruncatedOrMalformedBodies(String encoded) {
        assertThatThrownBy(() -> AwsChunkedBody.decode(encoded.replace("~", "\r\n").getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("IncompleteBody"));
    }
}
