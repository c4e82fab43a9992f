package io.jobform.emulator.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.core.AwsException;
import io.jobform.emulator.jsonapi.JsonBody;
import io.jobform.emulator.testing.FakeRoles;
import io.jobform.emulator.testing.Requests;
import io.jobform.emulator.testing.TestContexts;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EcsServiceTest {
    private final EcsService ecs = new EcsService(TestContexts.with(new FakeRoles()));

    static ObjectNode fargate(String family) {
        ObjectNode td = JsonBody.object();
        td.put("family", family);
        td.putArray("requiresCompatibilities").add("FARGATE");
        td.put("networkMode", "awsvpc");
        td.put("cpu", "512");
        td.put("memory", "1024");
        td.put("executionRoleArn", "arn:aws:iam::123456789012:role/exec");
        ObjectNode c = td.putArray("containerDefinitions").addObject();
        c.put("name", "main");
        c.put("image", "public.ecr.aws/docker/library/busybox:latest");
        c.putObject("logConfiguration").put("logDriver", "awslogs").putObject("options").put("awslogs-group", "/jobform/x");
        c.putArray("environment").addObject().put("name", "A").put("value", "1");
        c.putArray("secrets").addObject().put("name", "S").put("valueFrom", "arn:aws:secretsmanager:us-east-1:123456789012:secret:s");
        td.putObject("ephemeralStorage").put("sizeInGiB", 30);
        td.putObject("runtimePlatform").put("cpuArchitecture", "ARM64").put("operatingSystemFamily", "LINUX");
        td.putArray("tags").addObject().put("key", "jobform.io/job").put("value", "x");
        return td;
    }

    JsonNode call(String operation, JsonNode body) {
        var response = ecs.handle(Requests.json("ecs", "AmazonEC2ContainerServiceV20141113." + operation, body.toString()));
        try {
            return JsonBody.mapper().readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> invalidRegistrations() {
        return Stream.of(
                bad("family missing", td -> td.remove("family"), "ClientException", "Family"),
                bad("family bad chars", td -> td.put("family", "a b"), "ClientException", "invalid characters"),
                bad("family too long", td -> td.put("family", "x".repeat(256)), "ClientException", "255"),
                bad("fargate bridge", td -> td.put("networkMode", "bridge"), "ClientException", "awsvpc"),
                bad("fargate no network mode", td -> td.remove("networkMode"), "ClientException", "awsvpc"),
                bad("unknown network mode", td -> td.put("networkMode", "overlay"), "ClientException", "networkMode"),
                bad("fargate no cpu", td -> td.remove("cpu"), "ClientException", "'cpu' be defined"),
                bad("fargate no memory", td -> td.remove("memory"), "ClientException", "'memory' be defined"),
                bad("bad pair", td -> td.put("memory", "512"), "ClientException", "No Fargate configuration exists"),
                bad("bad cpu text", td -> td.put("cpu", "lots"), "ClientException", "cpu"),
                bad("storage too small", td -> td.putObject("ephemeralStorage").put("sizeInGiB", 20), "ClientException", "21"),
                bad("storage too big", td -> td.putObject("ephemeralStorage").put("sizeInGiB", 201), "ClientException", "200"),
                bad("bad architecture", td -> ((ObjectNode) td.get("runtimePlatform")).put("cpuArchitecture", "RISCV"),
                        "ClientException", "cpuArchitecture"),
                bad("bad os", td -> ((ObjectNode) td.get("runtimePlatform")).put("operatingSystemFamily", "BEOS"),
                        "ClientException", "operatingSystemFamily"),
                bad("bad compatibility", td -> td.putArray("requiresCompatibilities").add("LAMBDA"), "ClientException",
                        "requiresCompatibilities"),
                bad("no containers", td -> td.putArray("containerDefinitions"), "ClientException", "Container list"),
                bad("container name missing", td -> container(td).remove("name"), "ClientException", "Container.name"),
                bad("container image missing", td -> container(td).remove("image"), "ClientException", "Container.image"),
                bad("duplicate container", td -> ((com.fasterxml.jackson.databind.node.ArrayNode) td.get("containerDefinitions"))
                        .add(container(td).deepCopy().put("essential", false)), "ClientException", "unique"),
                bad("no essential", td -> container(td).put("essential", false), "ClientException", "essential"),
                bad("secret without valueFrom", td -> ((ObjectNode) container(td).get("secrets").get(0)).remove("valueFrom"),
                        "ClientException", "valueFrom"),
                bad("secrets without execution role", td -> {
                    td.remove("executionRoleArn");
                    container(td).remove("logConfiguration");
                }, "ClientException", "executionRoleArn"),
                bad("awslogs without execution role", td -> {
                    td.remove("executionRoleArn");
                    container(td).remove("secrets");
                }, "ClientException", "execution role ARN to support log driver awslogs"),
                bad("log driver unsupported on fargate", td -> ((ObjectNode) container(td).get("logConfiguration"))
                        .put("logDriver", "syslog"), "ClientException", "Fargate does not support"),
                bad("env name missing", td -> ((ObjectNode) container(td).get("environment").get(0)).remove("name"),
                        "ClientException", "Environment variable name"),
                bad("aws: tag", td -> td.putArray("tags").addObject().put("key", "aws:x").put("value", "v"),
                        "InvalidParameterException", "aws:"),
                bad("tag key too long", td -> td.putArray("tags").addObject().put("key", "k".repeat(129)).put("value", "v"),
                        "InvalidParameterException", "128"),
                bad("tag value bad chars", td -> td.putArray("tags").addObject().put("key", "k").put("value", "a*b"),
                        "InvalidParameterException", "value"),
                bad("51 tags", td -> {
                    var tags = td.putArray("tags");
                    for (int i = 0; i < 51; i++) {
                        tags.addObject().put("key", "k" + i).put("value", "v");
                    }
                }, "InvalidParameterException", "50"));
    }

    private static ObjectNode container(ObjectNode td) {
        return (ObjectNode) td.get("containerDefinitions").get(0);
    }

    private static Arguments bad(String name, Consumer<ObjectNode> change, String code, String fragment) {
        return Arguments.of(name, change, code, fragment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRegistrations")
    void rejectsWhatEcsRejects(String name, Consumer<ObjectNode> change, String code, String fragment) {
        ObjectNode td = fargate("job");
        change.accept(td);
        assertThatThrownBy(() -> call("RegisterTaskDefinition", td))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains(fragment);
                });
    }

    @Test
    void registersRevisionsThatAreNeverReused() {
        JsonNode first = call("RegisterTaskDefinition", fargate("job"));
        assertThat(first.at("/taskDefinition/revision").asInt()).isEqualTo(1);
        assertThat(first.at("/taskDefinition/taskDefinitionArn").asText())
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/job:1");
        assertThat(first.at("/taskDefinition/status").asText()).isEqualTo("ACTIVE");
        assertThat(first.at("/taskDefinition/compatibilities").toString()).contains("FARGATE");
        assertThat(first.at("/taskDefinition/containerDefinitions/0/essential").asBoolean()).isTrue();
        assertThat(first.at("/tags/0/key").asText()).isEqualTo("jobform.io/job");
        call("DeregisterTaskDefinition", JsonBody.object().put("taskDefinition", "job:1"));
        call("DeleteTaskDefinitions", arns("job:1"));
        JsonNode second = call("RegisterTaskDefinition", fargate("job"));
        assertThat(second.at("/taskDefinition/revision").asInt()).isEqualTo(2);
    }

    @Test
    void normalisesVcpuAndGbNotation() {
        ObjectNode td = fargate("job");
        td.put("cpu", "1 vCPU").put("memory", "2 GB");
        JsonNode out = call("RegisterTaskDefinition", td);
        assertThat(out.at("/taskDefinition/cpu").asText()).isEqualTo("1024");
        assertThat(out.at("/taskDefinition/memory").asText()).isEqualTo("2048");
    }

    @Test
    void describesByFamilyRevisionOrArnWithTagsOnRequest() {
        call("RegisterTaskDefinition", fargate("job"));
        call("RegisterTaskDefinition", fargate("job"));
        assertThat(call("DescribeTaskDefinition", JsonBody.object().put("taskDefinition", "job"))
                .at("/taskDefinition/revision").asInt()).isEqualTo(2);
        assertThat(call("DescribeTaskDefinition", JsonBody.object().put("taskDefinition", "job:1"))
                .at("/taskDefinition/revision").asInt()).isEqualTo(1);
        JsonNode byArn = call("DescribeTaskDefinition", JsonBody.object()
                .put("taskDefinition", "arn:aws:ecs:us-east-1:123456789012:task-definition/job:2"));
        assertThat(byArn.has("tags")).isFalse();
        ObjectNode withTags = JsonBody.object().put("taskDefinition", "job");
        withTags.putArray("include").add("TAGS");
        assertThat(call("DescribeTaskDefinition", withTags).at("/tags/0/value").asText()).isEqualTo("x");
        assertThatThrownBy(() -> call("DescribeTaskDefinition", JsonBody.object().put("taskDefinition", "nope")))
                .hasMessage("Unable to describe task definition.");
    }

    @Test
    void deregisterThenDeleteOnlyInactive() {
        call("RegisterTaskDefinition", fargate("job"));
        call("RegisterTaskDefinition", fargate("job"));
        JsonNode deregistered = call("DeregisterTaskDefinition", JsonBody.object().put("taskDefinition", "job:1"));
        assertThat(deregistered.at("/taskDefinition/status").asText()).isEqualTo("INACTIVE");
        JsonNode deleted = call("DeleteTaskDefinitions", arns("job:1", "job:2", "job:9", "job"));
        assertThat(deleted.at("/taskDefinitions/0/status").asText()).isEqualTo("DELETE_IN_PROGRESS");
        assertThat(deleted.get("taskDefinitions")).hasSize(1);
        assertThat(deleted.get("failures")).hasSize(3);
        assertThat(deleted.at("/failures/0/reason").asText()).contains("ACTIVE");
        assertThat(ecs.taggedResources("us-east-1")).extracting(r -> r.arn())
                .containsExactly("arn:aws:ecs:us-east-1:123456789012:task-definition/job:2");
        assertThatThrownBy(() -> call("DeregisterTaskDefinition", JsonBody.object().put("taskDefinition", "job")))
                .isInstanceOf(AwsException.class);
    }

    @Test
    void listsFamiliesAndDefinitionsAcrossPages() {
        for (String family : List.of("a-1", "a-2", "a-3", "b-1")) {
            call("RegisterTaskDefinition", fargate(family));
        }
        call("RegisterTaskDefinition", fargate("a-1"));
        call("DeregisterTaskDefinition", JsonBody.object().put("taskDefinition", "a-3:1"));
        JsonNode page1 = call("ListTaskDefinitionFamilies", JsonBody.object().put("familyPrefix", "a-").put("maxResults", 1));
        assertThat(page1.get("families").toString()).isEqualTo("[\"a-1\"]");
        JsonNode page2 = call("ListTaskDefinitionFamilies", JsonBody.object().put("familyPrefix", "a-").put("maxResults", 1)
                .put("nextToken", page1.get("nextToken").asText()));
        assertThat(page2.get("families").toString()).isEqualTo("[\"a-2\"]");
        assertThat(page2.has("nextToken")).isFalse();
        assertThat(call("ListTaskDefinitionFamilies", JsonBody.object().put("status", "INACTIVE")).get("families").toString())
                .isEqualTo("[\"a-3\"]");
        assertThat(call("ListTaskDefinitionFamilies", JsonBody.object().put("status", "ALL")).get("families")).hasSize(4);
        JsonNode desc = call("ListTaskDefinitions", JsonBody.object().put("familyPrefix", "a-1").put("sort", "DESC"));
        assertThat(desc.get("taskDefinitionArns").get(0).asText()).endsWith("a-1:2");
        JsonNode all = call("ListTaskDefinitions", JsonBody.object().put("maxResults", 2));
        JsonNode rest = call("ListTaskDefinitions", JsonBody.object().put("maxResults", 2).put("nextToken",
                all.get("nextToken").asText()));
        assertThat(all.get("taskDefinitionArns")).hasSize(2);
        assertThat(rest.get("taskDefinitionArns")).hasSize(2);
        assertThat(rest.has("nextToken")).isFalse();
        assertThatThrownBy(() -> call("ListTaskDefinitions", JsonBody.object().put("maxResults", 101)))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("InvalidParameterException"));
        assertThatThrownBy(() -> call("ListTaskDefinitions", JsonBody.object().put("nextToken", "garbage")))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("InvalidParameterException"));
    }

    @Test
    void tagsTaskDefinitions() {
        String arn = call("RegisterTaskDefinition", fargate("job")).at("/taskDefinition/taskDefinitionArn").asText();
        ObjectNode tag = JsonBody.object().put("resourceArn", arn);
        tag.putArray("tags").addObject().put("key", "team").put("value", "finance");
        call("TagResource", tag);
        ObjectNode untag = JsonBody.object().put("resourceArn", arn);
        untag.putArray("tagKeys").add("jobform.io/job");
        call("UntagResource", untag);
        assertThat(call("ListTagsForResource", JsonBody.object().put("resourceArn", arn)).get("tags").toString())
                .isEqualTo("[{\"key\":\"team\",\"value\":\"finance\"}]");
        assertThat(ecs.taggedResources("us-east-1").get(0).tags()).containsEntry("team", "finance");
        assertThatThrownBy(() -> call("ListTagsForResource", JsonBody.object().put("resourceArn", arn.replace(":1", ":7"))))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("ResourceNotFoundException"));
    }

    @Test
    void snapshotRestoresEveryRevisionAndCounter() {
        call("RegisterTaskDefinition", fargate("job"));
        call("DeregisterTaskDefinition", JsonBody.object().put("taskDefinition", "job:1"));
        EcsService other = new EcsService(TestContexts.with(new FakeRoles()));
        other.restore(ecs.snapshot());
        assertThat(other.snapshot()).isEqualTo(ecs.snapshot());
        var response = other.handle(Requests.json("ecs", "AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition",
                fargate("job").toString()));
        assertThat(new String(response.body())).contains("task-definition/job:2");
    }

    private static ObjectNode arns(String... refs) {
        ObjectNode body = JsonBody.object();
        var list = body.putArray("taskDefinitions");
        for (String ref : refs) {
            list.add(ref);
        }
        return body;
    }
}
