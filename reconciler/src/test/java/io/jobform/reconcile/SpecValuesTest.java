package io.jobform.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a request body becomes field paths: named items by name, plain lists whole, secrets masked. */
class SpecValuesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "tags by key                 | {'tags':[{'key':'team','value':'a'},{'key':'tier','value':'b'}]} | tags[\"team\"]=a; tags[\"tier\"]=b",
        "statements by Sid           | {'S':[{'Sid':'Read','Action':['s3:GetObject'],'Effect':'Allow'}]} | S[\"Read\"].Action=[\"s3:GetObject\"]; S[\"Read\"].Effect=Allow",
        "statements without Sid      | {'S':[{'Effect':'Allow'},{'Effect':'Deny'}]}                  | S[0].Effect=Allow; S[1].Effect=Deny",
        "duplicate names by position | {'e':[{'name':'A','value':'1'},{'name':'A','value':'2'}]}      | e[0].name=A; e[0].value=1; e[1].name=A; e[1].value=2",
        "a plain list is one value   | {'command':['sh','-c','echo hi']}                                 | command=[\"sh\",\"-c\",\"echo hi\"]",
        "nested objects by path      | {'definition':{'States':{'Run':{'TimeoutSeconds':60}}}}           | definition.States.Run.TimeoutSeconds=60",
        "empty containers            | {'a':{},'b':[]}                                                  | a={}; b=[]",
    })
    void flattens(String name, String body, String expected) throws Exception {
        Map<String, String> want = new TreeMap<>();
        for (String pair : expected.split("; ")) {
            want.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        assertThat(SpecValues.of(new ObjectMapper().readTree(body.replace('\'', '"')))).isEqualTo(want);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "environment by name | {'environment':[{'name':'TOKEN','value':'s3cret'}]} | environment[\"TOKEN\"]",
        "run input           | {'Target':{'Input':'{\\'token\\':\\'s3cret\\'}'}}      | Target.Input",
    })
    void sensitiveValuesAreStoredAsAHashOnly(String name, String body, String path) throws Exception {
        Map<String, String> values = SpecValues.of(new ObjectMapper().readTree(body.replace('\'', '"')));
        assertThat(values).containsOnlyKeys(path);
        assertThat(values.get(path)).doesNotContain("s3cret").startsWith("(value not shown; hash ");
    }
}
