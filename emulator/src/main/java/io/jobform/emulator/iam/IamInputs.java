package io.jobform.emulator.iam;

import io.jobform.emulator.core.AwsException;
import io.jobform.emulator.wire.FormBody;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and checks IAM request parameters against the constraints of the IAM API model
 * (botocore iam/2010-05-08 service-2.json: roleNameType, pathType, policyNameType,
 * roleDescriptionType, roleMaxSessionDurationType, arnType, tagKeyType, tagValueType),
 * answering ValidationError with IAM's "1 validation error detected" text.
 */
final class IamInputs {
    static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
    private static final Pattern PATH = Pattern.compile("/|/[\\u0021-\\u007E]+/");
    private static final Pattern PATH_PREFIX = Pattern.compile("/[\\u0021-\\u007F]*");
    private static final Pattern DESCRIPTION = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*");
    private static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
    private static final Pattern TAG_VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    private static final Pattern POLICY_ARN = Pattern.compile("arn:aws(-[a-z]+)*:iam::(aws|\\d{12}):policy/[\\u0021-\\u007E]+");

    private final FormBody form;

    IamInputs(FormBody form) {
        this.form = form;
    }

    String required(String param, String member) {
        return form.get(param).orElseThrow(() -> invalid("Value null at '" + member + "' failed to satisfy constraint: Member must not be null"));
    }

    String roleName() {
        return name("RoleName", "roleName", 64);
    }

    String policyName() {
        return name("PolicyName", "policyName", 128);
    }

    private String name(String param, String member, int max) {
        String value = required(param, member);
        length(value, member, 1, max);
        pattern(value, member, NAME);
        return value;
    }

    String path(String param, String member) {
        String value = form.get(param).orElse("/");
        length(value, member, 1, 512);
        pattern(value, member, param.equals("PathPrefix") ? PATH_PREFIX : PATH);
        return value;
    }

    String description() {
        String value = form.get("Description").orElse(null);
        if (value != null) {
            length(value, "description", 0, 1000);
            pattern(value, "description", DESCRIPTION);
        }
        return value;
    }

    int maxSessionDuration() {
        String value = form.get("MaxSessionDuration").orElse("3600");
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid("Value '" + value + "' at 'maxSessionDuration' failed to satisfy constraint: Member must be a number");
        }
        if (n < 3600 || n > 43200) {
            throw invalid("Value '" + n + "' at 'maxSessionDuration' failed to satisfy constraint: Member must have value "
                    + (n < 3600 ? "greater than or equal to 3600" : "less than or equal to 43200"));
        }
        return n;
    }

    String policyDocument(String param, String member) {
        String value = required(param, member);
        length(value, member, 1, 131072);
        return value;
    }

    String boundaryArn() {
        String value = required("PermissionsBoundary", "permissionsBoundary");
        return checkBoundary(value);
    }

    /** CreateRole's optional PermissionsBoundary. */
    java.util.Optional<String> optionalBoundaryArn() {
        return form.get("PermissionsBoundary").map(IamInputs::checkBoundary);
    }

    static String checkBoundary(String value) {
        if (value.length() < 20 || value.length() > 2048 || !POLICY_ARN.matcher(value).matches()) {
            throw new AwsException(400, "InvalidInput", "ARN " + value + " is not valid.");
        }
        return value;
    }

    int maxItems() {
        String value = form.get("MaxItems").orElse("100");
        try {
            int n = Integer.parseInt(value);
            if (n < 1 || n > 1000) {
                throw invalid("Value '" + n + "' at 'maxItems' failed to satisfy constraint: Member must have value "
                        + (n < 1 ? "greater than or equal to 1" : "less than or equal to 1000"));
            }
            return n;
        } catch (NumberFormatException e) {
            throw invalid("Value '" + value + "' at 'maxItems' failed to satisfy constraint: Member must be a number");
        }
    }

    Map<String, String> tags() {
        Map<String, String> tags = form.keyValueMembers("Tags");
        if (tags.size() > 50) {
            throw invalid("Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50");
        }
        tags.forEach(IamInputs::checkTag);
        return tags;
    }

    static void checkTag(String key, String value) {
        length(key, "tags.member.key", 1, 128);
        pattern(key, "tags.member.key", TAG_KEY);
        length(value, "tags.member.value", 0, 256);
        pattern(value, "tags.member.value", TAG_VALUE);
        if (key.toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
            throw new AwsException(400, "InvalidInput", "User-defined tag keys can't start with 'aws:'.");
        }
    }

    private static void length(String value, String member, int min, int max) {
        if (value.length() < min) {
            throw invalid("Value '" + value + "' at '" + member + "' failed to satisfy constraint: Member must have length greater than or equal to " + min);
        }
        if (value.length() > max) {
            throw invalid("Value '" + value + "' at '" + member + "' failed to satisfy constraint: Member must have length less than or equal to " + max);
        }
    }

    private static void pattern(String value, String member, Pattern pattern) {
        if (!pattern.matcher(value).matches()) {
            throw invalid("Value '" + value + "' at '" + member + "' failed to satisfy constraint: Member must satisfy regular expression pattern: " + pattern.pattern());
        }
    }

    static AwsException invalid(String detail) {
        return new AwsException(400, "ValidationError", "1 validation error detected: " + detail);
    }
}
