package io.jobform.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

class IamConformanceIT extends EndpointTestBase {
    static final String TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
             "Principal":{"Service":"states.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    static final String POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],
             "Resource":"arn:aws:s3:::reports/*"}]}""";
    static final String BOUNDARY = "arn:aws:iam::123456789012:policy/jobform-boundary";

    private IamClient iam;
    private String path;
    private final List<String> created = new ArrayList<>();

    @BeforeEach
    void client() {
        iam = iam();
        path = "/jobform/" + unique("it") + "/";
    }

    @AfterEach
    void cleanUp() {
        for (String name : created) {
            try {
                iam.listRolePolicies(b -> b.roleName(name)).policyNames()
                        .forEach(p -> iam.deleteRolePolicy(b -> b.roleName(name).policyName(p)));
                iam.deleteRole(b -> b.roleName(name));
            } catch (NoSuchEntityException ignored) {
                // deleted by the test
            }
        }
        iam.close();
    }

    private Role create(String name) {
        created.add(name);
        return iam.createRole(b -> b.roleName(name).path(path).assumeRolePolicyDocument(TRUST)).role();
    }

    private static String decode(String urlEncoded) {
        return URLDecoder.decode(urlEncoded, StandardCharsets.UTF_8);
    }

    @Test
    void createAndGetRoundTrip() {
        String name = unique("role");
        created.add(name);
        Role role = iam.createRole(b -> b.roleName(name).path(path).assumeRolePolicyDocument(TRUST)
                .description("runs nightly").maxSessionDuration(7200).permissionsBoundary(BOUNDARY)
                .tags(Tag.builder().key("jobform.io/instance").value("jobform").build())).role();
        assertThat(role.arn()).isEqualTo("arn:aws:iam::123456789012:role" + path + name);
        assertThat(role.roleId()).startsWith("AROA");
        assertThat(role.createDate()).isNotNull();

        Role got = iam.getRole(b -> b.roleName(name)).role();
        assertThat(got.roleName()).isEqualTo(name);
        assertThat(got.path()).isEqualTo(path);
        assertThat(got.description()).isEqualTo("runs nightly");
        assertThat(got.maxSessionDuration()).isEqualTo(7200);
        assertThat(got.permissionsBoundary().permissionsBoundaryArn()).isEqualTo(BOUNDARY);
        assertThat(got.tags()).containsExactly(Tag.builder().key("jobform.io/instance").value("jobform").build());
        // IAM returns policy documents URL-encoded.
        assertThat(got.assumeRolePolicyDocument()).startsWith("%7B");
        assertThat(decode(got.assumeRolePolicyDocument())).isEqualTo(TRUST);
    }

    @Test
    void duplicateNameIsEntityAlreadyExistsIgnoringCase() {
        String name = unique("Role");
        create(name);
        assertThatThrownBy(() -> create(name)).isInstanceOf(EntityAlreadyExistsException.class);
        assertThatThrownBy(() -> iam.createRole(b -> b.roleName(name.toLowerCase()).assumeRolePolicyDocument(TRUST)))
                .isInstanceOf(EntityAlreadyExistsException.class);
    }

    @Test
    void missingRoleIsNoSuchEntity() {
        String name = unique("absent");
        assertThatThrownBy(() -> iam.getRole(b -> b.roleName(name))).isInstanceOf(NoSuchEntityException.class)
                .satisfies(e -> assertThat(((IamException) e).statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> iam.deleteRole(b -> b.roleName(name))).isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> iam.putRolePolicy(b -> b.roleName(name).policyName("p").policyDocument(POLICY)))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "has space|/",
            "slash/name|/",
            "ok-name|jobform",
            "ok-name|/no-trailing",
            "ok-name|//x y/",
    })
    void invalidNamesAndPathsAreValidationErrors(String name, String rolePath) {
        assertThatThrownBy(() -> iam.createRole(b -> b.roleName(name).path(rolePath).assumeRolePolicyDocument(TRUST)))
                .isInstanceOfSatisfying(IamException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                });
    }

    @Test
    void nameLongerThan64IsRejectedAnd64IsAccepted() {
        String max = unique("r") + "x".repeat(64 - 10);
        assertThat(max).hasSize(64);
        create(max);
        assertThatThrownBy(() -> iam.createRole(b -> b.roleName(max + "y").assumeRolePolicyDocument(TRUST)))
                .isInstanceOfSatisfying(IamException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 3599, 43201})
    void maxSessionDurationOutOfRange(int seconds) {
        assertThatThrownBy(() -> iam.createRole(b -> b.roleName(unique("r")).assumeRolePolicyDocument(TRUST)
                .maxSessionDuration(seconds)))
                .isInstanceOfSatisfying(IamException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
    }

    @Test
    void invalidBoundaryArnIsInvalidInput() {
        assertThatThrownBy(() -> iam.createRole(b -> b.roleName(unique("r")).assumeRolePolicyDocument(TRUST)
                .permissionsBoundary("not-an-arn-at-all-really")))
                .isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{not json",
            "[]",
            "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"states.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}",
            "{\"Version\":\"2012-10-17\"}",
            "{\"Version\":\"2012-10-17\",\"Statement\":[]}",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Maybe\",\"Principal\":{\"Service\":\"x\"},\"Action\":\"sts:AssumeRole\"}]}",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\"}]}",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"x\"},\"Action\":\"AssumeRole\"}]}",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"x\"},\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"x\"},\"Action\":\"sts:AssumeRole\"}],\"Extra\":1}",
    })
    void malformedTrustPolicies(String document) {
        assertThatThrownBy(() -> iam.createRole(b -> b.roleName(unique("r")).assumeRolePolicyDocument(document)))
                .isInstanceOf(MalformedPolicyDocumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\"}}",
            "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}}",
            "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Resource\":\"*\"}}",
            "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"reports\"}}",
            "{\"Version\":\"2001-01-01\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}}",
    })
    void malformedInlinePolicies(String document) {
        String name = unique("role");
        create(name);
        assertThatThrownBy(() -> iam.putRolePolicy(b -> b.roleName(name).policyName("p").policyDocument(document)))
                .isInstanceOf(MalformedPolicyDocumentException.class);
    }

    @Test
    void inlinePoliciesRoundTripAndBlockDeletion() {
        String name = unique("role");
        create(name);
        iam.putRolePolicy(b -> b.roleName(name).policyName("b-policy").policyDocument(POLICY));
        iam.putRolePolicy(b -> b.roleName(name).policyName("a-policy").policyDocument(POLICY));
        var got = iam.getRolePolicy(b -> b.roleName(name).policyName("b-policy"));
        assertThat(got.roleName()).isEqualTo(name);
        assertThat(decode(got.policyDocument())).isEqualTo(POLICY);
        assertThat(iam.listRolePolicies(b -> b.roleName(name)).policyNames()).containsExactly("a-policy", "b-policy");

        assertThatThrownBy(() -> iam.deleteRole(b -> b.roleName(name))).isInstanceOf(DeleteConflictException.class)
                .satisfies(e -> assertThat(((IamException) e).statusCode()).isEqualTo(409));
        iam.deleteRolePolicy(b -> b.roleName(name).policyName("a-policy"));
        iam.deleteRolePolicy(b -> b.roleName(name).policyName("b-policy"));
        assertThatThrownBy(() -> iam.deleteRolePolicy(b -> b.roleName(name).policyName("b-policy")))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> iam.getRolePolicy(b -> b.roleName(name).policyName("b-policy")))
                .isInstanceOf(NoSuchEntityException.class);
        iam.deleteRole(b -> b.roleName(name));
        assertThatThrownBy(() -> iam.getRole(b -> b.roleName(name))).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void aggregateInlinePolicySizeIsLimited() {
        String name = unique("role");
        create(name);
        String resources = IntStream.range(0, 60).mapToObj(i -> "\"arn:aws:s3:::bucket-" + i + "-" + "x".repeat(40) + "/*\"")
                .reduce((a, b) -> a + "," + b).orElseThrow();
        String big = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":["
                + resources + "]}]}";
        assertThat(big.length()).isBetween(3500, 5100);
        iam.putRolePolicy(b -> b.roleName(name).policyName("one").policyDocument(big));
        iam.putRolePolicy(b -> b.roleName(name).policyName("two").policyDocument(big));
        // Replacing a policy counts its new size only once.
        iam.putRolePolicy(b -> b.roleName(name).policyName("two").policyDocument(big));
        assertThatThrownBy(() -> iam.putRolePolicy(b -> b.roleName(name).policyName("three").policyDocument(big)))
                .isInstanceOf(LimitExceededException.class);
    }

    @Test
    void trustPolicyLongerThanTheQuotaIsLimitExceeded() {
        String services = IntStream.range(0, 120).mapToObj(i -> "\"svc" + i + ".amazonaws.com\"")
                .reduce((a, b) -> a + "," + b).orElseThrow();
        String big = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":["
                + services + "]},\"Action\":\"sts:AssumeRole\"}]}";
        assertThat(big.length()).isGreaterThan(2048);
        assertThatThrownBy(() -> iam.createRole(b -> b.roleName(unique("r")).assumeRolePolicyDocument(big)))
                .isInstanceOf(LimitExceededException.class);
    }

    @Test
    void listRolesPaginatesWithinPathPrefix() {
        List<String> names = IntStream.range(0, 7).mapToObj(i -> "page-role-" + i + "-" + unique("r")).toList();
        names.forEach(this::create);
        ListRolesResponse first = iam.listRoles(b -> b.pathPrefix(path).maxItems(3));
        assertThat(first.roles()).hasSize(3);
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.marker()).isNotBlank();
        // ListRoles does not return tags or boundaries, as documented by IAM.
        assertThat(first.roles().get(0).hasTags()).isFalse();

        List<String> listed = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        iam.listRolesPaginator(b -> b.pathPrefix(path).maxItems(3)).forEach(p -> {
            sizes.add(p.roles().size());
            p.roles().forEach(r -> listed.add(r.roleName()));
        });
        assertThat(sizes).containsExactly(3, 3, 1);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(names);
        assertThat(iam.listRoles(b -> b.pathPrefix(path + "other/")).roles()).isEmpty();
    }

    @Test
    void tagsUntagAndLimit() {
        String name = unique("role");
        create(name);
        iam.tagRole(b -> b.roleName(name).tags(Tag.builder().key("team").value("a").build(),
                Tag.builder().key("env").value("prod").build()));
        iam.tagRole(b -> b.roleName(name).tags(Tag.builder().key("team").value("b").build()));
        assertThat(iam.listRoleTags(b -> b.roleName(name)).tags()).extracting(Tag::key, Tag::value)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("team", "b"),
                        org.assertj.core.groups.Tuple.tuple("env", "prod"));
        iam.untagRole(b -> b.roleName(name).tagKeys("env"));
        assertThat(iam.listRoleTags(b -> b.roleName(name)).tags()).extracting(Tag::key).containsExactly("team");

        List<Tag> fifty = IntStream.range(0, 50).mapToObj(i -> Tag.builder().key("k" + i).value("v").build()).toList();
        assertThatThrownBy(() -> iam.tagRole(b -> b.roleName(name).tags(fifty))).isInstanceOf(LimitExceededException.class);
        assertThatThrownBy(() -> iam.tagRole(b -> b.roleName(name).tags(Tag.builder().key("aws:x").value("v").build())))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void trustPolicyAndBoundaryUpdates() {
        String name = unique("role");
        create(name);
        String schedulerTrust = TRUST.replace("states.amazonaws.com", "scheduler.amazonaws.com");
        iam.updateAssumeRolePolicy(b -> b.roleName(name).policyDocument(schedulerTrust));
        assertThat(decode(iam.getRole(b -> b.roleName(name)).role().assumeRolePolicyDocument())).isEqualTo(schedulerTrust);
        assertThatThrownBy(() -> iam.updateAssumeRolePolicy(b -> b.roleName(name).policyDocument(POLICY)))
                .isInstanceOf(MalformedPolicyDocumentException.class);

        iam.putRolePermissionsBoundary(b -> b.roleName(name).permissionsBoundary(BOUNDARY));
        assertThat(iam.getRole(b -> b.roleName(name)).role().permissionsBoundary().permissionsBoundaryArn()).isEqualTo(BOUNDARY);
        iam.deleteRolePermissionsBoundary(b -> b.roleName(name));
        assertThat(iam.getRole(b -> b.roleName(name)).role().permissionsBoundary()).isNull();
    }
}
