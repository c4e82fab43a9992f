package io.jobform.operate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RunInputTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String MANIFEST = "{\"limit\":100,\"dryRun\":false,\"region\":\"eu-west-1\",\"tags\":[\"a\"],\"opts\":{\"x\":1}}";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        nothing given            | | | {"limit":100,"dryRun":false,"region":"eu-west-1","tags":["a"],"opts":{"x":1}}
        typed by the manifest    | | limit=5,dryRun=true,tags=["b"] | {"limit":5,"dryRun":true,"region":"eu-west-1","tags":["b"],"opts":{"x":1}}
        new keys are strings     | | day=2026-11-01,n=7 | {"limit":100,"dryRun":false,"region":"eu-west-1","tags":["a"],"opts":{"x":1},"day":"2026-11-01","n":"7"}
        file then pairs          | {"region":"us-west-2","limit":1} | limit=2 | {"limit":2,"dryRun":false,"region":"us-west-2","tags":["a"],"opts":{"x":1}}
        value may hold =         | | region=a=b | {"limit":100,"dryRun":false,"region":"a=b","tags":["a"],"opts":{"x":1}}
        """)
    void mergesOverTheManifestInput(String name, String file, String pairs, String expected) throws Exception {
        ObjectNode merged = RunInput.merge((ObjectNode) JSON.readTree(MANIFEST), Optional.ofNullable(file),
                pairs == null ? List.of() : Arrays.asList(pairs.split(",")));
        assertThat(merged).isEqualTo(JSON.readTree(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        number expected   | | limit=ten | --input limit=ten: the manifest's input has limit as number 100, the value is not one
        boolean expected  | | dryRun=yes | --input dryRun=yes: the manifest's input has dryRun as boolean false, the value is not one
        array expected    | | tags={} | --input tags={}: the manifest's input has tags as array ["a"], the value is not one
        no equals         | | limit | --input limit: expected key=value
        empty key         | | =5 | --input =5: expected key=value
        file not an object| [1] | | --input-file must hold a JSON object
        file not JSON     | {nope | | --input-file is not valid JSON
        """)
    void rejectsWithOneLine(String name, String file, String pairs, String message) throws Exception {
        assertThatThrownBy(() -> RunInput.merge((ObjectNode) JSON.readTree(MANIFEST), Optional.ofNullable(file),
                pairs == null ? List.of() : List.of(pairs)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
    }

    @Test
    void manifestInputComesFromTheDeployedDefinition() throws Exception {
        String asl = "{\"StartAt\":\"CheckInput\",\"States\":{\"UseManifestInput\":{\"Type\":\"Pass\","
                + "\"Result\":{\"bucket\":\"reports\"},\"ResultPath\":\"$.input\"}}}";
        assertThat(RunInput.manifestInput(asl)).isEqualTo(JSON.readTree("{\"bucket\":\"reports\"}"));
        assertThat(RunInput.manifestInput("{\"States\":{}}")).isEmpty();
        assertThat(RunInput.manifestInput("not json")).isEmpty();
    }

    @Test
    void stateInputIsShapedLikeTheSchedulesInputWithoutScheduledTime() throws Exception {
        assertThat(JSON.readTree(RunInput.stateInput((ObjectNode) JSON.readTree("{\"a\":1}"))))
                .isEqualTo(JSON.readTree("{\"input\":{\"a\":1}}"));
        assertThat(JSON.readTree(RunInput.rerunInput(
                "{\"input\":{\"a\":1},\"scheduledTime\":\"2026-01-01T00:00:00Z\",\"executionId\":\"e\"}")))
                .isEqualTo(JSON.readTree("{\"input\":{\"a\":1}}"));
        assertThat(RunInput.rerunInput("[1]")).isEqualTo("[1]");
    }
}
