package io.jobform.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** An IAM policy document (identity or trust policy), version 2012-10-17. */
public record PolicyDocument(List<PolicyStatement> statements) {

    public static final String VERSION = "2012-10-17";

    public PolicyDocument {
        statements = List.copyOf(statements);
    }

    public JsonNode toJson() {
        ObjectNode out = CanonicalJson.object();
        out.put("Version", VERSION);
        ArrayNode array = out.putArray("Statement");
        statements.forEach(s -> array.add(s.toJson()));
        return out;
    }

    /** The string the IAM API takes (AssumeRolePolicyDocument, PolicyDocument). */
    public String toJsonString() {
        return CanonicalJson.write(toJson());
    }
}
