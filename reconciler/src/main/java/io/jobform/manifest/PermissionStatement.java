package io.jobform.manifest;

import java.util.List;

/** One statement of the task role's inline policy. */
public record PermissionStatement(Effect effect, List<String> actions, List<String> resources) {

    public enum Effect {
        ALLOW, DENY;

        /** IAM spells them Allow and Deny. */
        public String iamWord() {
            return this == ALLOW ? "Allow" : "Deny";
        }
    }
}
