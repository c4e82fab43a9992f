package io.jobform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyncPlannerTest {

    static final String MD5_A = LocalManifests.md5Hex("a".getBytes());
    static final String MD5_B = LocalManifests.md5Hex("b".getBytes());

    static LocalFile local(String key, String md5) {
        return new LocalFile(key, Path.of(key), md5);
    }

    @Test
    void newChangedUnchangedAndRemoteOnlyAreSeparated() {
        SyncPlan plan = SyncPlanner.plan(
                List.of(local("m/new.yaml", MD5_A), local("m/changed.yaml", MD5_B), local("m/same.yml", MD5_A)),
                List.of(new RemoteObject("m/changed.yaml", MD5_A), new RemoteObject("m/same.yml", MD5_A.toUpperCase()),
                        new RemoteObject("m/gone.yaml", MD5_A), new RemoteObject("m/notes.txt", MD5_A)),
                false);
        assertThat(plan.uploads()).extracting(u -> u.file().key() + (u.isNew() ? " new" : " changed"))
                .containsExactly("m/changed.yaml changed", "m/new.yaml new");
        assertThat(plan.unchanged()).isEqualTo(1);
        assertThat(plan.deletes()).isEmpty();
        assertThat(plan.remoteOnly()).containsExactly("m/gone.yaml");
    }

    @Test
    void deleteRemovesOnlyManifestsAndNeverReconcilerState() {
        SyncPlan plan = SyncPlanner.plan(List.of(),
                List.of(new RemoteObject("gone.yaml", MD5_A), new RemoteObject("_jobform/inventory.json", MD5_A),
                        new RemoteObject("_jobform/status/x.yaml", MD5_A), new RemoteObject("README.md", MD5_A)),
                true);
        assertThat(plan.deletes()).containsExactly("gone.yaml");
    }

    @Test
    void multipartEtagNeverMatchesSoTheFileIsUploadedAgain() {
        SyncPlan plan = SyncPlanner.plan(List.of(local("m/a.yaml", MD5_A)),
                List.of(new RemoteObject("m/a.yaml", MD5_A + "-2")), false);
        assertThat(plan.uploads()).singleElement().satisfies(u -> assertThat(u.isNew()).isFalse());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "s3://jobform-manifests/manifests/ | jobform-manifests | manifests/",
            "s3://jobform-manifests/manifests  | jobform-manifests | manifests/",
            "s3://jobform-manifests/a/b        | jobform-manifests | a/b/",
            "s3://jobform-manifests            | jobform-manifests | ''",
            "s3://jobform-manifests/           | jobform-manifests | ''"})
    void parsesLocations(String uri, String bucket, String prefix) {
        assertThat(S3Location.parse(uri)).contains(new S3Location(bucket, prefix));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"jobform-manifests/manifests", "s3://", "s3://Upper/x", "https://bucket/x", "s3://a/x"})
    void rejectsWhatIsNotAnS3Location(String uri) {
        assertThat(S3Location.parse(uri)).isEqualTo(Optional.empty());
    }

    @Test
    void reconcilerStatePrefixIsRecognized() {
        assertThat(Stream.of("s3://b-b/_jobform/", "s3://b-b/_jobform/status", "s3://b-b/manifests/")
                .map(u -> S3Location.parse(u).orElseThrow().ownsReconcilerState()))
                .containsExactly(true, true, false);
    }
}
