package io.jobform.lambda;

/**
 * One S3 object that was written or removed, with its key already decoded to the real
 * object key (S3 notifications deliver keys form-URL-encoded).
 */
public record ObjectChange(String bucket, String key, Type type) {

    public enum Type { CREATED, DELETED }

    @Override
    public String toString() {
        return (type == Type.CREATED ? "created " : "deleted ") + "s3://" + bucket + "/" + key;
    }
}
