package io.jobform.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.manifest.PositionIndex;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/** Task size, environment names, and that secrets are references, never values. */
final class ContainerCheck {

    static final int DEFAULT_CPU = 256;
    static final int DEFAULT_MEMORY = 512;
    /** jobform passes the run's input in this variable. */
    static final String INPUT_VARIABLE = "JOB_INPUT";
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL).*");
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "^(AKIA[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----.*|gh[pousr]_[A-Za-z0-9]{30,}|xox[abpr]-.*)$",
            Pattern.DOTALL);

    /*
     * ECS ContainerDefinition.image: up to 255 letters, digits, '-', '_', ':', '.', '/' and '#';
     * with a digest the limit applies before '@' and the digest is sha256 with 64 hex digits
     * (ECS API Reference, ContainerDefinition, "image").
     */
    private static final Pattern IMAGE = Pattern.compile("^[A-Za-z0-9_.:/#-]{1,255}(@sha256:[0-9A-Fa-f]{64})?$");

    private ContainerCheck() {}

    static void check(JsonNode container, Findings findings) {
        String image = container.path("image").asText("");
        if (container.has("image") && !IMAGE.matcher(image).matches()) {
            findings.error("/spec/container/image", "image '" + image.replace("\n", "\\n") + "' is not an image reference ECS "
                    + "accepts (up to 255 letters, digits and - _ : . / #, optionally @sha256:<64 hex digits>)");
        }
        int cpu = container.path("cpu").asInt(DEFAULT_CPU);
        int memory = container.path("memory").asInt(DEFAULT_MEMORY);
        FargateSizes.check(cpu, memory).ifPresent(message ->
                findings.error(container.has("memory") ? "/spec/container/memory" : "/spec/container/cpu", message));
        JsonNode env = container.path("env");
        JsonNode secrets = container.path("secrets");
        for (Iterator<Map.Entry<String, JsonNode>> it = env.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String pointer = "/spec/container/env" + PositionIndex.segment(e.getKey());
            name(e.getKey(), pointer, findings);
            if (secrets.has(e.getKey())) {
                findings.errorAtKey(pointer, "'" + e.getKey() + "' is set in both env and secrets");
            }
            String value = e.getValue().asText();
            boolean secretish = SECRET_VALUE.matcher(value).matches()
                    || (SECRET_NAME.matcher(e.getKey()).matches() && value.length() >= 8 && !value.startsWith("arn:"));
            if (secretish) {
                findings.warning(pointer, "'" + e.getKey() + "' looks like a secret; env values are stored in plain "
                        + "text in the task definition: reference it from container.secrets instead");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = secrets.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String pointer = "/spec/container/secrets" + PositionIndex.segment(e.getKey());
            name(e.getKey(), pointer, findings);
            String value = e.getValue().asText();
            if (!value.startsWith("arn:")) {
                findings.error(pointer, "secrets must reference a Secrets Manager secret or SSM parameter ARN; "
                        + "a literal value would be stored in plain text in the task definition");
            } else if (!AwsIds.SECRETS_MANAGER.matcher(value).matches() && !AwsIds.SSM_PARAMETER.matcher(value).matches()) {
                findings.error(pointer, "'" + value + "' is neither a Secrets Manager secret ARN "
                        + "(arn:aws:secretsmanager:<region>:<account>:secret:<name>) nor an SSM parameter ARN "
                        + "(arn:aws:ssm:<region>:<account>:parameter/<name>)");
            }
        }
    }

    private static void name(String name, String pointer, Findings findings) {
        if (!AwsIds.ENV_NAME.matcher(name).matches()) {
            findings.errorAtKey(pointer, "environment variable name '" + name + "' must be letters, digits and _, "
                    + "not starting with a digit");
        } else if (name.equals(INPUT_VARIABLE)) {
            findings.errorAtKey(pointer, INPUT_VARIABLE + " is reserved: jobform passes the run's input in it");
        }
    }
}
