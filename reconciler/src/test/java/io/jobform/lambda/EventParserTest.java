package io.jobform.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.lambda.InvocationEvent.Ignored;
import io.jobform.lambda.InvocationEvent.ManualInvoke;
import io.jobform.lambda.InvocationEvent.ObjectChanged;
import io.jobform.lambda.InvocationEvent.Resync;
import io.jobform.lambda.InvocationEvent.Unrecognized;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class EventParserTest {

    private final EventParser parser = new EventParser(GoldenEvents.JSON);

    /** One golden payload and the events it must parse into, in order. */
    record Case(String file, boolean sqs, List<InvocationEvent> expected) {
        @Override
        public String toString() {
            return file;
        }
    }

    static ObjectChanged created(String bucket, String key) {
        return new ObjectChanged(new ObjectChange(bucket, key, ObjectChange.Type.CREATED));
    }

    static ObjectChanged deleted(String bucket, String key) {
        return new ObjectChanged(new ObjectChange(bucket, key, ObjectChange.Type.DELETED));
    }

    static Stream<Case> cases() {
        String b = "jobform-manifests";
        return Stream.of(
                new Case("s3-put-odd-keys.json", false, List.of(
                        created(b, "manifests/nightly report.yaml"),
                        created(b, "manifests/c++-build.yaml"),
                        created(b, "manifests/team a/café-✓.yml"))),
                new Case("s3-delete.json", false, List.of(deleted(b, "manifests/old-job.yaml"))),
                new Case("eventbridge-object-created.json", false, List.of(created(b, "manifests/weekly cleanup.yaml"))),
                new Case("eventbridge-object-deleted.json", false, List.of(deleted(b, "manifests/old-job.yaml"))),
                new Case("scheduled-event.json", false, List.of(new Resync("EventBridge scheduled event"))),
                new Case("scheduler-resync.json", false, List.of(new Resync("scheduled resync"))),
                new Case("manual-reconcile.json", false, List.of(new ManualInvoke(false))),
                new Case("manual-plan.json", false, List.of(new ManualInvoke(true))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesGoldenPayload(Case c) {
        Invocation invocation = parser.parse(GoldenEvents.tree(c.file()));
        assertThat(invocation.sqsBatch()).isEqualTo(c.sqs());
        assertThat(invocation.events()).containsExactlyElementsOf(c.expected());
    }

    static Stream<String> notActionable() {
        return Stream.of("s3-test-event.json", "unknown-action.json", "bad-resync-flag.json",
                "unknown-shape.json", "not-an-object.json", "s3-bad-encoding.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notActionable")
    void payloadsWithNothingToDoAreIgnoredOrUnrecognized(String file) {
        Invocation invocation = parser.parse(GoldenEvents.tree(file));
        assertThat(invocation.events()).isNotEmpty()
                .allSatisfy(e -> assertThat(e).isInstanceOfAny(Ignored.class, Unrecognized.class));
    }

    @Test
    void testEventIsIgnoredNotUnrecognized() {
        assertThat(parser.parse(GoldenEvents.tree("s3-test-event.json")).events())
                .singleElement().isInstanceOf(Ignored.class);
    }

    @Test
    void unrecognizedReasonNamesFieldsButNoValues() {
        InvocationEvent event = parser.parse(GoldenEvents.tree("unknown-shape.json")).events().findFirst().orElseThrow();
        assertThat(event).isInstanceOf(Unrecognized.class);
        assertThat(((Unrecognized) event).reason()).contains("hello", "count").doesNotContain("world");
    }

    @Test
    void sqsBatchKeepsEveryMessageIdAndParsesBodies() {
        Invocation invocation = parser.parse(GoldenEvents.tree("sqs-batch.json"));
        assertThat(invocation.sqsBatch()).isTrue();
        assertThat(invocation.messages()).hasSize(6)
                .allSatisfy(m -> assertThat(m.messageId()).isPresent());
        assertThat(invocation.messages().get(0).events()).containsExactly(created("jobform-manifests", "manifests/alpha.yaml"));
        assertThat(invocation.messages().get(1).events()).singleElement().isInstanceOf(Ignored.class);
        assertThat(invocation.messages().get(3).events()).containsExactly(deleted("jobform-manifests", "manifests/gamma job.yaml"));
        assertThat(invocation.messages().get(4).events()).singleElement().isInstanceOf(Unrecognized.class);
    }

    @Test
    void otherS3EventTypesDoNotCountAsChanges() {
        List<InvocationEvent> events = parser.parse(GoldenEvents.tree("s3-foreign.json")).events().toList();
        assertThat(events).hasSize(5);
        assertThat(events.get(4)).isInstanceOf(Ignored.class);
        assertThat(events.subList(0, 4)).allSatisfy(e -> assertThat(e).isInstanceOf(ObjectChanged.class));
    }
}
