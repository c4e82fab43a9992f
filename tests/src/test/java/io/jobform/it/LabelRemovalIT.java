package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.reconcile.ReconcileResult;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A label removed from a manifest (or from the JobDefaults) leaves no stale tag behind on any
 * resource of the job: cost reports and tag-based access rules see what the manifests say. The
 * tags of a resource jobform owns are jobform's: one added by hand goes with the next update.
 */
class LabelRemovalIT extends AppliedExamples {
    private static final String SM = "arn:aws:states:us-east-1:123456789012:stateMachine:jobform-nightly-report";

    private Map<String, String> stateMachineTags() {
        Map<String, String> tags = new TreeMap<>();
        sandbox.clients.sfn.listTagsForResource(b -> b.resourceArn(SM)).tags().forEach(t -> tags.put(t.key(), t.value()));
        return tags;
    }

    private Map<String, String> roleTags() {
        Map<String, String> tags = new TreeMap<>();
        sandbox.clients.iam.listRoleTags(b -> b.roleName("jobform-nightly-report")).tags()
                .forEach(t -> tags.put(t.key(), t.value()));
        return tags;
    }

    private Map<String, String> taskDefinitionTags() {
        Map<String, String> tags = new TreeMap<>();
        sandbox.clients.ecs.describeTaskDefinition(b -> b.taskDefinition("jobform-nightly-report")
                .include(software.amazon.awssdk.services.ecs.model.TaskDefinitionField.TAGS)).tags()
                .forEach(t -> tags.put(t.key(), t.value()));
        return tags;
    }

    private Map<String, String> groupTags() {
        Map<String, String> tags = new TreeMap<>();
        String arn = sandbox.clients.scheduler.getScheduleGroup(b -> b.name("jobform")).arn();
        sandbox.clients.scheduler.listTagsForResource(b -> b.resourceArn(arn)).tags()
                .forEach(t -> tags.put(t.key(), t.value()));
        return tags;
    }

    @Test
    void aRemovedLabelIsUntaggedFromEveryResourceOfTheJob() {
        assertThat(stateMachineTags()).containsEntry("team", "finance");
        assertThat(roleTags()).containsEntry("team", "finance");
        assertThat(taskDefinitionTags()).containsEntry("team", "finance");

        sandbox.edit("nightly-report.yaml", "  labels: {team: finance}\n", "");
        ReconcileResult result = sandbox.apply();
        assertThat(result.apply().orElseThrow().failures()).isEmpty();
        assertThat(Sandbox.changes(result)).contains("update StateMachine/jobform-nightly-report",
                "update Role/jobform-nightly-report", "update TaskDefinition/jobform-nightly-report");

        assertThat(stateMachineTags()).doesNotContainKey("team").containsEntry("owner", "platform")
                .containsKey("jobform.io/spec-hash");
        assertThat(roleTags()).doesNotContainKey("team").containsEntry("owner", "platform")
                .containsKey("jobform.io/spec-hash");
        assertThat(taskDefinitionTags()).doesNotContainKey("team").containsEntry("owner", "platform");
        assertThat(Sandbox.changes(sandbox.apply())).isEmpty();
    }

    @Test
    void aLabelRemovedFromTheDefaultsIsUntaggedFromSharedResourcesToo() {
        assertThat(stateMachineTags()).containsEntry("cost-center", "4711");
        assertThat(roleTags()).containsEntry("cost-center", "4711");
        sandbox.edit("_defaults.yaml", "    cost-center: \"4711\"\n", "");
        ReconcileResult result = sandbox.apply();
        assertThat(result.apply().orElseThrow().failures()).isEmpty();

        assertThat(stateMachineTags()).doesNotContainKey("cost-center").containsEntry("owner", "platform");
        assertThat(roleTags()).doesNotContainKey("cost-center").containsEntry("owner", "platform");
        assertThat(taskDefinitionTags()).doesNotContainKey("cost-center").containsEntry("owner", "platform");
        assertThat(Sandbox.changes(sandbox.apply())).isEmpty();
    }

    @Test
    void aTagAddedByHandToTheScheduleGroupIsRemovedWhenTheGroupIsUpdated() {
        String arn = sandbox.clients.scheduler.getScheduleGroup(b -> b.name("jobform")).arn();
        sandbox.clients.scheduler.tagResource(b -> b.resourceArn(arn).tags(
                software.amazon.awssdk.services.scheduler.model.Tag.builder().key("stale").value("x").build()));
        assertThat(Sandbox.changes(sandbox.apply(io.jobform.reconcile.ReconcileOptions.defaults().withDeep(true))))
                .contains("update ScheduleGroup/jobform");
        assertThat(groupTags()).doesNotContainKey("stale").containsEntry("jobform.io/instance", "jobform");
    }
}
