package io.jobform.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CoalescerTest {

    private final EventParser parser = new EventParser(GoldenEvents.JSON);
    private final Coalescer coalescer = new Coalescer(new ManifestScope("jobform-manifests", "manifests"));

    /** A golden payload and the one reconcile request it must become (empty: none). */
    record Case(String file, Optional<String> trigger, int warnings) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("s3-put-odd-keys.json", Optional.of("3 changed manifests"), 0),
                new Case("s3-delete.json", Optional.of("1 changed manifest"), 0),
                new Case("eventbridge-object-created.json", Optional.of("1 changed manifest"), 0),
                new Case("scheduled-event.json", Optional.of("resync"), 0),
                new Case("scheduler-resync.json", Optional.of("resync"), 0),
                new Case("manual-reconcile.json", Optional.of("manual reconcile"), 0),
                new Case("manual-plan.json", Optional.of("manual plan"), 0),
                new Case("sqs-batch.json", Optional.of("2 changed manifests"), 1),
                new Case("s3-test-event.json", Optional.empty(), 0),
                new Case("s3-foreign.json", Optional.empty(), 0),
                new Case("unknown-shape.json", Optional.empty(), 1),
                new Case("unknown-action.json", Optional.empty(), 1),
                new Case("bad-resync-flag.json", Optional.empty(), 1),
                new Case("not-an-object.json", Optional.empty(), 1),
                new Case("s3-bad-encoding.json", Optional.empty(), 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void coalescesIntoAtMostOneRequest(Case c) {
        CoalescedInvocation result = coalescer.coalesce(parser.parse(GoldenEvents.tree(c.file())));
        assertThat(result.request().map(ReconcileRequest::describe)).isEqualTo(c.trigger());
        assertThat(result.notes().stream().filter(CoalescedInvocation.Note::warning)).hasSize(c.warnings());
    }

    @Test
    void foreignPrefixOwnObjectsOtherBucketsAndNonYamlAreEachExplained() {
        CoalescedInvocation result = coalescer.coalesce(parser.parse(GoldenEvents.tree("s3-foreign.json")));
        assertThat(result.notes()).extracting(CoalescedInvocation.Note::text).satisfiesExactly(
                t -> assertThat(t).contains("other/job.yaml", "outside the manifest prefix"),
                t -> assertThat(t).contains("_jobform/status/nightly-report.json", "jobform's own object"),
                t -> assertThat(t).contains("someone-elses-bucket", "another bucket"),
                t -> assertThat(t).contains("manifests/README.md", "not a .yaml/.yml"),
                t -> assertThat(t).contains("ObjectTagging:Put"));
    }

    @Test
    void ownObjectsStayExcludedWhenThePrefixIsTheWholeBucket() {
        Coalescer wholeBucket = new Coalescer(new ManifestScope("jobform-manifests", ""));
        CoalescedInvocation result = wholeBucket.coalesce(parser.parse(GoldenEvents.tree("s3-foreign.json")));
        assertThat(result.request().orElseThrow().changedKeys()).containsExactly("other/job.yaml");
    }

    @Test
    void sqsBatchDecodesKeysAndTracksWhichMessagesDependOnTheReconcile() {
        CoalescedInvocation result = coalescer.coalesce(parser.parse(GoldenEvents.tree("sqs-batch.json")));
        ReconcileRequest request = result.request().orElseThrow();
        assertThat(request.changedKeys()).containsExactly("manifests/alpha.yaml", "manifests/gamma job.yaml");
        assertThat(request.resync()).isFalse();
        assertThat(result.dependentMessages().keySet()).containsExactlyInAnyOrder(
                "00000001-e8b1-4f3c-9a5e-000000000001", "00000004-e8b1-4f3c-9a5e-000000000004",
                "00000006-e8b1-4f3c-9a5e-000000000006");
        assertThat(result.dependentMessages().get("00000004-e8b1-4f3c-9a5e-000000000004"))
                .containsExactly("manifests/gamma job.yaml");
    }

    @Test
    void twoHundredMessagesBecomeOneRequest() {
        ObjectNode batch = GoldenEvents.JSON.createObjectNode();
        ArrayNode records = batch.putArray("Records");
        ObjectNode template = (ObjectNode) GoldenEvents.tree("sqs-batch.json").path("Records").get(0);
        for (int i = 1; i <= 200; i++) {
            String body = template.path("body").asText().replace("manifests/alpha.yaml", "manifests/job-" + i + ".yaml");
            records.addObject().put("messageId", "m-" + i).put("body", body).put("eventSource", "aws:sqs");
        }
        CoalescedInvocation result = coalescer.coalesce(parser.parse(batch));
        assertThat(result.request().orElseThrow().changedKeys()).hasSize(200);
        assertThat(result.dependentMessages()).hasSize(200);
    }

    @Test
    void planOnlyOnlyWhenEveryTriggerIsAPlan() {
        ObjectNode plan = GoldenEvents.JSON.createObjectNode().put("action", "plan");
        assertThat(coalescer.coalesce(parser.parse(plan)).request().orElseThrow().planOnly()).isTrue();
        ObjectNode reconcile = GoldenEvents.JSON.createObjectNode().put("action", "reconcile");
        assertThat(coalescer.coalesce(parser.parse(reconcile)).request().orElseThrow().planOnly()).isFalse();
    }
}
