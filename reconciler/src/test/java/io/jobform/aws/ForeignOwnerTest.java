package io.jobform.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForeignOwnerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // no jobform tag at all: somebody else's resource
            "jobform | '' | '' | a resource with this name exists and is not owned by instance jobform; rename the job or remove the other resource",
            // another instance whose name extends ours
            "jobform | jobform-x | solo | the name is taken by jobform instance jobform-x (its job solo); the names of instances jobform and jobform-x extend each other, so their generated names can collide; rename this job (or the instance)",
            "jobform-x | jobform | x-solo | the name is taken by jobform instance jobform (its job x-solo); the names of instances jobform-x and jobform extend each other, so their generated names can collide; rename this job (or the instance)",
            // another instance, unrelated name (a copy made by hand, say)
            "team-a | team-b | '' | the name is taken by jobform instance team-b; rename this job (or the instance)"})
    void namesWhoHoldsTheName(String instance, String owner, String job, String message) {
        Map<String, String> tags = new java.util.HashMap<>();
        if (!owner.isEmpty()) {
            tags.put("jobform.io/instance", owner);
        }
        if (!job.isEmpty()) {
            tags.put("jobform.io/job", job);
        }
        assertThat(ForeignOwner.describe(instance, tags)).isEqualTo(message);
    }
}
