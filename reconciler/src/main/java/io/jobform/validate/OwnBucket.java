package io.jobform.validate;

/**
 * A bucket jobform reads its manifests from or keeps its state in. A job's task role may not
 * reconfigure it (bucket policy, lifecycle, versioning, ACL, encryption, notifications, deletion)
 * nor write or delete objects under {@code prefix}: that would let a job rewrite the manifests or
 * the reconciler's state, and so grant itself other permissions.
 *
 * @param partition {@code aws}, {@code aws-cn}, ...: the ARNs are {@code arn:<partition>:s3:::<bucket>}
 * @param prefix    the key prefix to protect; empty for every object in the bucket
 */
public record OwnBucket(String partition, String bucket, String prefix) {

    String bucketArn() {
        return "arn:" + partition + ":s3:::" + bucket;
    }

    /** Every object ARN under the prefix starts with this. */
    String objectArnPrefix() {
        return bucketArn() + "/" + prefix;
    }

    String describe() {
        return prefix.isEmpty() ? "bucket '" + bucket + "'" : "bucket '" + bucket + "' or its objects under '" + prefix + "'";
    }
}
