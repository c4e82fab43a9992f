package io.jobform.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which S3 grants can change jobform's buckets, and which AssumeRole grants name roles by wildcard. */
class OwnBucketGuardrailTest {
    private static final List<OwnBucket> BUCKETS = List.of(new OwnBucket("aws", "jobform-state", ""),
            new OwnBucket("aws", "jobform-manifests", "jobs/"));

    @ParameterizedTest(name = "{0} on {1}: refused {2}")
    @CsvSource({
        "s3:PutObject,                 arn:aws:s3:::j*,                                 true",
        "s3:PutObject,                 arn:aws:s3:::jobform-state/*,                    true",
        "s3:PutObject,                 arn:aws:s3:::JOBFORM-STATE/x,                    true",
        "s3:PutObject,                 *,                                               true",
        "s3:PutObject,                 arn:*:s3:::*,                                    true",
        "s3:*,                         arn:aws:s3:::jobform-state,                      true",
        "s3:Put*,                      arn:aws:s3:::jobform-manifests/jobs/*,           true",
        "s3:PutBucketPolicy,           arn:aws:s3:::jobform-manifests,                  true",
        "s3:PutBucketVersioning,       arn:aws:s3:::jobform-manifest?,                  true",
        "s3:PutLifecycleConfiguration, arn:aws:s3:::jobform-?tate,                      true",
        "s3:PutEncryptionConfiguration, arn:aws:s3:::*state,                            true",
        "s3:PutBucketAcl,              arn:aws:s3:::jobform-*,                          true",
        "s3:PutBucketNotification,     arn:aws:*:*:*:jobform-manifests,                 true",
        "s3:DeleteObject,              arn:aws:s3:::*/jobs/x.yaml,                      true",
        "s3:DeleteObject,              arn:aws:s3:::jobform-manifests/jobs/_jobform/*,  true",
        "s3:DeleteObject,              arn:aws:s3:::jobform-manifests/*,                true",
        "s3:DeleteBucket,              arn:aws:s3:::jobform-manifests,                  true",
        "s3:Get*,                      arn:aws:s3:::jobform-state/*,                    true",
        "s3:GetObject,                 arn:aws:s3:::jobform-state/*,                    false",
        "s3:ListBucket,                arn:aws:s3:::jobform-state,                      false",
        "s3:PutObject,                 arn:aws:s3:::jobform-manifests/exports/*,        false",
        "s3:PutObject,                 arn:aws:s3:::jobform-statex/*,                   false",
        "s3:PutObject,                 arn:aws:s3:::reports/*,                          false",
        "s3:PutObject,                 arn:aws:s3:::k*,                                 false",
        "s3:PutObject,                 arn:aws-cn:s3:::jobform-state/*,                 false",
        "s3:PutObject,                 arn:*:s3:::reports/*,                            true",
        "sqs:SendMessage,              *,                                               false",
    })
    void s3Grants(String action, String resource, boolean refused) {
        assertThat(OwnBucketGuardrail.refused(action, List.of(resource), BUCKETS).isPresent()).isEqualTo(refused);
    }

    @ParameterizedTest(name = "{0} on {1}: refused {2}")
    @CsvSource({
        "sts:AssumeRole,              *,                                              true",
        "sts:AssumeRole,              arn:aws:iam::123456789012:role/*,               true",
        "sts:AssumeRole,              arn:aws:iam::*:role/reports-reader,             true",
        "sts:AssumeRole,              arn:aws:iam::123456789012:role/jobform/*,       true",
        "sts:Assume*,                 arn:aws:iam::123456789012:role/reports-?,       true",
        "sts:AssumeRoleWithWebIdentity, arn:aws:iam::123456789012:role/team-*,        true",
        "sts:AssumeRole,              arn:aws:iam::123456789012:role/reports-reader,  false",
        "sts:GetCallerIdentity,       *,                                              false",
        "sts:TagSession,              arn:aws:iam::123456789012:role/*,               false",
    })
    void assumeRoleGrants(String action, String resource, boolean refused) {
        Optional<String> wildcard = resource.contains("*") || resource.contains("?") ? Optional.of(resource) : Optional.empty();
        assertThat(PermissionGuardrails.denied(action, wildcard).isPresent()).isEqualTo(refused);
    }
}
