package io.jobform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.emulator.tagging.IndexLag;
import io.jobform.reconcile.ReconcileResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;

/**
 * Reconciles while the Resource Groups Tagging index trails the services, as it does in AWS
 * (new resources missing, deleted ones kept as ghosts: aws/aws-sdk#676, boto/boto3#3341): the
 * emulator's tag index fault mode with a ten-minute lag and hour-long ghosts. Observation must
 * take existence from the services, so none of this may change what the reconcile does.
 */
class EventualTagIndexIT extends InSandbox {
    private static final IndexLag SLOW = new IndexLag(Duration.ofMinutes(10), Duration.ofHours(1));

    /** What the index lists for the instance, read with a client of its own: jobform has none. */
    private List<String> indexed() {
        try (ResourceGroupsTaggingApiClient tagging = ResourceGroupsTaggingApiClient.builder()
                .endpointOverride(sandbox.emulator.endpoint()).region(Region.of(sandbox.emulator.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            return tagging.getResources(b -> b.tagFilters(f -> f.key("jobform.io/instance").values("jobform")))
                    .resourceTagMappingList().stream().map(m -> m.resourceARN()).toList();
        }
    }

    @Test
    void resourcesTheIndexDoesNotListYetAreNeverCreatedAgain() {
        sandbox.emulator.tagging().indexLag(SLOW);
        ReconcileResult created = sandbox.apply();
        assertThat(created.apply().orElseThrow().failures()).isEmpty();
        assertThat(indexed()).isEmpty(); // the fault is on: the index knows none of them

        sandbox.resetCalls();
        ReconcileResult again = sandbox.apply();
        assertThat(Sandbox.changes(again)).isEmpty();
        // Only the lease is written and released: no AWS resource is touched.
        assertThat(sandbox.mutatingCalls()).isEqualTo(Map.of("s3:PutObject", 1L, "s3:DeleteObject", 1L));
    }

    @Test
    void aResourceDeletedByHandIsRecreatedThoughTheIndexStillListsIt() {
        assertThat(sandbox.apply().apply().orElseThrow().failures()).isEmpty();
        sandbox.emulator.tagging().indexLag(SLOW);
        String arn = "arn:aws:states:us-east-1:123456789012:stateMachine:jobform-nightly-report";
        sandbox.clients.sfn.deleteStateMachine(b -> b.stateMachineArn(arn));
        sandbox.clients.ecs.deregisterTaskDefinition(b -> b.taskDefinition("jobform-invoice-sync:1"));
        assertThat(indexed()).contains(arn); // a ghost

        ReconcileResult repaired = sandbox.apply();
        assertThat(repaired.apply().orElseThrow().failures()).isEmpty();
        assertThat(Sandbox.changes(repaired)).containsExactly("create TaskDefinition/jobform-invoice-sync",
                "create StateMachine/jobform-nightly-report");
        assertThat(sandbox.clients.sfn.describeStateMachine(b -> b.stateMachineArn(arn)).status().toString())
                .isEqualTo("ACTIVE");
        assertThat(Sandbox.changes(sandbox.apply())).isEmpty();
    }

    @Test
    void aPrunedJobIsPrunedOnceThoughItsGhostsStayInTheIndex() {
        assertThat(sandbox.apply().apply().orElseThrow().failures()).isEmpty();
        sandbox.emulator.tagging().indexLag(SLOW);
        sandbox.delete("nightly-report.yaml");
        ReconcileResult pruned = sandbox.apply();
        assertThat(pruned.apply().orElseThrow().failures()).isEmpty();
        assertThat(Sandbox.changes(pruned)).contains("delete StateMachine/jobform-nightly-report",
                "delete TaskDefinition/jobform-nightly-report");
        assertThat(indexed()).anyMatch(a -> a.endsWith(":stateMachine:jobform-nightly-report"));

        sandbox.resetCalls();
        assertThat(Sandbox.changes(sandbox.apply())).isEmpty();
        assertThat(sandbox.mutatingCalls()).isEqualTo(Map.of("s3:PutObject", 1L, "s3:DeleteObject", 1L));
    }
}
