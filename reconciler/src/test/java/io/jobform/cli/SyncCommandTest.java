package io.jobform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.sync.LocalManifests;
import io.jobform.sync.RemoteObject;
import io.jobform.sync.SyncStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The sync command's shell: validation gate, change detection, delete rules, output and exit codes. */
class SyncCommandTest {

    /** A bucket in memory whose ETags are MD5s, as S3's are for single-part SSE-S3 objects. */
    static final class MemoryBucket implements SyncStore {
        final Map<String, byte[]> objects = new TreeMap<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public List<RemoteObject> list(String bucket, String prefix) {
            calls.add("list " + prefix);
            return objects.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                    .map(e -> new RemoteObject(e.getKey(), LocalManifests.md5Hex(e.getValue()))).toList();
        }

        @Override
        public void put(String bucket, String key, byte[] content, String md5Base64) {
            assertThat(md5Base64).isEqualTo(Base64.getEncoder().encodeToString(LocalManifests.md5(content)));
            calls.add("put " + key);
            objects.put(key, content);
        }

        @Override
        public void delete(String bucket, String key) {
            calls.add("delete " + key);
            objects.remove(key);
        }
    }

    @TempDir
    Path dir;
    final MemoryBucket bucket = new MemoryBucket();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int sync(String... args) {
        CommandLine cli = new CommandLine(new SyncCommand(
                new ValidatorCheck(Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC)), (region, endpoint) -> bucket));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** A valid job manifest. */
    static String job(String name, String tag) {
        return String.join("\n", "apiVersion: jobform.io/v1alpha1", "kind: ScheduledJob", "metadata:", "  name: " + name,
                "spec:", "  schedule: {cron: \"0 7 * * 1-5\", timezone: Europe/Berlin}", "  container:",
                "    image: public.ecr.aws/docker/library/busybox:" + tag, "    command: [\"echo\", \"hello\"]", "");
    }

    void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void uploadsNewThenOnlyChangedFiles() throws IOException {
        write("nightly.yaml", job("nightly", "1.36"));
        write("team a/weekly.yml", job("weekly", "1.36"));
        write("README.md", "not a manifest\n");
        assertThat(sync(dir.toString(), "s3://jobform-manifests/manifests")).isEqualTo(ExitCodes.OK);
        assertThat(bucket.objects).containsOnlyKeys("manifests/nightly.yaml", "manifests/team a/weekly.yml");
        assertThat(out.toString()).contains("(new)").contains("sync: 2 uploaded, 0 deleted, 0 unchanged");

        write("nightly.yaml", job("nightly", "1.37"));
        bucket.calls.clear();
        assertThat(sync(dir.toString(), "s3://jobform-manifests/manifests/")).isEqualTo(ExitCodes.OK);
        assertThat(bucket.calls).containsExactly("list manifests/", "put manifests/nightly.yaml");
        assertThat(out.toString()).contains("(changed)").contains("sync: 1 uploaded, 0 deleted, 1 unchanged");
    }

    @Test
    void invalidManifestStopsTheSyncBeforeAnyUpload() throws IOException {
        write("good.yaml", job("good", "1.36"));
        write("bad.yaml", job("bad", "1.36").replace("  container:", "  container:\n    cpu: 256\n    cpu: 512"));
        assertThat(sync(dir.toString(), "s3://jobform-manifests/manifests/")).isEqualTo(ExitCodes.INVALID_MANIFESTS);
        assertThat(bucket.calls).isEmpty();
        assertThat(err.toString()).containsPattern("bad\\.yaml:9:\\d+: error:").contains("refusing to sync");
    }

    @Test
    void removedFilesAreDeletedOnlyWithDelete() throws IOException {
        write("keep.yaml", job("keep", "1.36"));
        bucket.objects.put("manifests/old.yaml", "a: 2\n".getBytes(StandardCharsets.UTF_8));
        bucket.objects.put("_jobform/inventory.json", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(sync(dir.toString(), "s3://jobform-manifests/manifests/")).isEqualTo(ExitCodes.OK);
        assertThat(bucket.objects).containsKey("manifests/old.yaml");
        assertThat(out.toString()).contains("keep s3://jobform-manifests/manifests/old.yaml");
        assertThat(sync(dir.toString(), "s3://jobform-manifests/manifests/", "--delete")).isEqualTo(ExitCodes.OK);
        assertThat(bucket.objects).containsOnlyKeys("manifests/keep.yaml", "_jobform/inventory.json");
    }

    @Test
    void dryRunChangesNothing() throws IOException {
        write("a.yaml", job("a-job", "1.36"));
        bucket.objects.put("manifests/b.yaml", "b: 1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(sync(dir.toString(), "s3://jobform-manifests/manifests/", "--delete", "--dry-run")).isEqualTo(ExitCodes.OK);
        assertThat(bucket.calls).containsExactly("list manifests/");
        assertThat(out.toString()).contains("would upload").contains("would delete s3://jobform-manifests/manifests/b.yaml")
                .contains("sync (dry run): 1 to upload, 1 to delete, 0 unchanged");
    }

    @Test
    void emptyDirectoryDoesNotWipeTheBucket() {
        bucket.objects.put("manifests/b.yaml", "b: 1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(sync(dir.toString(), "s3://jobform-manifests/manifests/", "--delete")).isEqualTo(ExitCodes.ERROR);
        assertThat(bucket.objects).containsKey("manifests/b.yaml");
        assertThat(err.toString()).contains("--allow-empty");
    }

    @Test
    void reconcilerStateAndBadArgumentsAreUsageErrors() {
        assertThat(sync(dir.toString(), "s3://jobform-manifests/_jobform/")).isEqualTo(ExitCodes.USAGE);
        assertThat(sync(dir.toString(), "jobform-manifests/manifests")).isEqualTo(ExitCodes.USAGE);
        assertThat(sync(dir.resolve("missing").toString(), "s3://jobform-manifests/m/")).isEqualTo(ExitCodes.USAGE);
        assertThat(bucket.calls).isEmpty();
        assertThat(err.toString()).contains("_jobform/").doesNotContain("Exception");
    }

    @Test
    void syncIsASubcommandOfJobform() {
        StringWriter help = new StringWriter();
        assertThat(Main.run(new String[] {"sync", "--help"}, new PrintWriter(help), new PrintWriter(new StringWriter())))
                .isEqualTo(ExitCodes.OK);
        assertThat(help.toString()).contains("--delete", "--dry-run");
    }
}
