package io.jobform.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema is itself valid 2020-12, and every example it shows an editor user is valid. */
class SchemaExamplesTest {

    static final String ID = "https://jobform.io/schema/jobform-v1alpha1.schema.json";
    static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix("https://jobform.io/schema/", "classpath:schema/")));

    @Test
    void theSchemaIsValidAgainstTheDraft202012MetaSchema() throws Exception {
        JsonSchema meta = FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertThat(meta.validate(ManifestReferenceTest.schema())).isEmpty();
    }

    @Test
    void everyExampleIsValidForItsProperty() throws Exception {
        JsonNode root = ManifestReferenceTest.schema();
        List<String> failures = new ArrayList<>();
        for (String kind : List.of("ScheduledJob", "JobDefaults")) {
            collect("/$defs/" + kind, root.at("/$defs/" + kind), failures);
        }
        assertThat(failures).isEmpty();
    }

    private static void collect(String pointer, JsonNode node, List<String> failures) {
        if (node.has("examples")) {
            JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(ID + "#" + pointer));
            for (JsonNode example : node.get("examples")) {
                schema.validate(example).forEach(m -> failures.add(pointer + " example " + example + ": " + m.getMessage()));
            }
        }
        node.path("properties").fields().forEachRemaining(e ->
                collect(pointer + "/properties/" + e.getKey(), e.getValue(), failures));
        if (node.has("items")) {
            collect(pointer + "/items", node.get("items"), failures);
        }
    }
}
