package io.jobform.render;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The IAM resources behind the ARNs and image names a manifest references. */
final class ArnReferences {

    /** {@code <account>.dkr.ecr.<region>.amazonaws.com[.cn]/<repository>[:tag|@digest]}. */
    private static final Pattern ECR_IMAGE = Pattern.compile(
            "^(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?/([^:@]+)(?:[:@].*)?$");

    private ArnReferences() {}

    /** The repository ARN of an ECR image, empty for images from other registries. */
    static Optional<String> ecrRepositoryArn(String image, String partition) {
        Matcher m = ECR_IMAGE.matcher(image);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of("arn:" + partition + ":ecr:" + m.group(2) + ":" + m.group(1) + ":repository/" + m.group(3));
    }

    static boolean isSecretsManager(String arn) {
        return arn.split(":", -1).length > 2 && arn.split(":", -1)[2].equals("secretsmanager");
    }

    static boolean isSsmParameter(String arn) {
        return arn.split(":", -1).length > 2 && arn.split(":", -1)[2].equals("ssm");
    }

    /**
     * IAM resources for a Secrets Manager {@code valueFrom}. ECS accepts
     * {@code arn:...:secret:name[-suffix][:json-key:version-stage:version-id]}; the policy needs the
     * secret's own ARN, whose last six characters are a random suffix that a manifest may omit:
     * both the ARN as written and the ARN followed by {@code -??????} are granted.
     */
    static List<String> secretResources(String valueFrom) {
        String[] parts = valueFrom.split(":", -1);
        String secretArn = String.join(":", java.util.Arrays.copyOf(parts, Math.min(parts.length, 7)));
        return List.of(secretArn, secretArn + "-??????");
    }
}
