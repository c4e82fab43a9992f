package io.jobform.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobform.config.InstanceConfig;
import io.jobform.manifest.Architecture;
import io.jobform.manifest.Capacity;
import io.jobform.manifest.ConcurrencyPolicy;
import io.jobform.manifest.Container;
import io.jobform.manifest.JobSpec;
import io.jobform.manifest.Network;
import io.jobform.manifest.Notifications;
import io.jobform.manifest.PermissionStatement;
import io.jobform.manifest.Retries;
import io.jobform.manifest.Schedule;
import io.jobform.manifest.ScheduleExpression;
import io.jobform.manifest.ScheduledJob;
import io.jobform.manifest.SourcePosition;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Builds ScheduledJob records for tests, as the loader would after defaults were merged. */
final class JobBuilder {
    String name;
    Map<String, String> labels = new TreeMap<>();
    Optional<Schedule> schedule = Optional.empty();
    boolean suspend;
    ConcurrencyPolicy concurrency = ConcurrencyPolicy.ALLOW;
    Optional<Integer> deadline = Optional.empty();
    int timeout = 3600;
    Retries retries = Retries.none();
    String image = "public.ecr.aws/docker/library/busybox:1.36";
    List<String> command = List.of();
    List<String> entryPoint = List.of();
    Map<String, String> env = new TreeMap<>();
    Map<String, String> secrets = new TreeMap<>();
    int cpu = 256;
    int memory = 512;
    Optional<Integer> ephemeral = Optional.empty();
    Architecture arch = Architecture.X86_64;
    Capacity capacity = Capacity.ON_DEMAND;
    Optional<String> cluster = Optional.empty();
    Optional<Network> network = Optional.empty();
    List<PermissionStatement> permissions = List.of();
    JsonNode input = CanonicalJson.object();
    Notifications notifications = Notifications.none();

    JobBuilder(String name) {
        this.name = name;
    }

    static InstanceConfig config() {
        return new InstanceConfig("jobform", "aws", "us-east-1", "123456789012", "jobs",
                Optional.of(new Network(List.of("subnet-0a1b2c3d"), List.of("sg-0a1b2c3d"), false)),
                Optional.of("arn:aws:iam::123456789012:policy/jobform-boundary"));
    }

    static Schedule cron(String source, String aws, String zone, Optional<Integer> jitter) {
        return new Schedule(new ScheduleExpression.Cron(source, aws), ZoneId.of(zone), jitter,
                Optional.empty(), Optional.empty());
    }

    /** The design document's example manifest. */
    static JobBuilder nightlyReport() {
        JobBuilder b = new JobBuilder("nightly-report");
        b.labels.put("team", "finance");
        b.schedule = Optional.of(cron("0 2 * * *", "0 2 * * ? *", "Europe/Berlin", Optional.of(10)));
        b.concurrency = ConcurrencyPolicy.FORBID;
        b.deadline = Optional.of(600);
        b.retries = new Retries(2, 30, 2.0, Optional.empty(), false, List.of(), List.of(2));
        b.image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/report:1.4.2";
        b.command = List.of("python", "report.py");
        b.env.put("REPORT_DAY", "yesterday");
        b.secrets.put("DB_PASSWORD", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-pass");
        b.cpu = 512;
        b.memory = 1024;
        b.ephemeral = Optional.of(30);
        b.arch = Architecture.ARM64;
        b.capacity = Capacity.SPOT_WITH_FALLBACK;
        b.network = Optional.of(new Network(List.of("subnet-1"), List.of("sg-1"), false));
        b.permissions = List.of(new PermissionStatement(PermissionStatement.Effect.ALLOW,
                List.of("s3:PutObject"), List.of("arn:aws:s3:::reports/*")));
        b.input = CanonicalJson.parse("{\"bucket\":\"reports\"}");
        b.notifications = new Notifications(Optional.of("arn:aws:sns:eu-west-1:123456789012:ops"));
        return b;
    }

    /** A rate job on the instance's network, with an SSM parameter and retries with jitter. */
    static JobBuilder hourlySync() {
        JobBuilder b = new JobBuilder("hourly-sync");
        b.schedule = Optional.of(new Schedule(new ScheduleExpression.Rate("1h", 1, ScheduleExpression.RateUnit.HOURS),
                ZoneId.of("UTC"), Optional.empty(), Optional.empty(), Optional.empty()));
        b.retries = new Retries(3, 10, 1.5, Optional.of(120), true, List.of(75, 137), List.of());
        b.image = "ghcr.io/example/sync:2";
        b.entryPoint = List.of("/bin/sync");
        b.secrets.put("API_TOKEN", "arn:aws:ssm:us-east-1:123456789012:parameter/sync/token");
        b.input = CanonicalJson.parse("{\"full\":false}");
        return b;
    }

    /** Suspended, Replace, Spot only, with a window, in its own cluster. */
    static JobBuilder weeklyExport() {
        JobBuilder b = new JobBuilder("weekly-export");
        b.schedule = Optional.of(new Schedule(new ScheduleExpression.Cron("0 3 * * 1", "0 3 ? * 2 *"),
                ZoneId.of("America/New_York"), Optional.empty(),
                Optional.of(Instant.parse("2026-01-01T00:00:00Z")), Optional.of(Instant.parse("2027-01-01T00:00:00Z"))));
        b.suspend = true;
        b.concurrency = ConcurrencyPolicy.REPLACE;
        b.deadline = Optional.of(30);
        b.capacity = Capacity.SPOT;
        b.retries = new Retries(1, 60, 2.0, Optional.empty(), false);
        b.cluster = Optional.of("exports");
        b.network = Optional.of(new Network(List.of("subnet-2", "subnet-3"), List.of("sg-2"), true));
        return b;
    }

    /** No schedule: run on demand only. */
    static JobBuilder adhocBackfill() {
        JobBuilder b = new JobBuilder("adhoc-backfill");
        b.command = List.of("backfill", "--all");
        b.timeout = 7200;
        return b;
    }

    static List<JobBuilder> fixtures() {
        return List.of(nightlyReport(), hourlySync(), weeklyExport(), adhocBackfill());
    }

    ScheduledJob build() {
        Container container = new Container(image, command, entryPoint, Map.copyOf(env), Map.copyOf(secrets),
                cpu, memory, ephemeral, arch);
        JobSpec spec = new JobSpec(schedule, suspend, concurrency, deadline, timeout, retries, container, capacity,
                cluster, network, permissions, input, notifications);
        return new ScheduledJob(name, Map.copyOf(labels), Map.of(), spec, "manifests/" + name + ".yaml",
                new SourcePosition("manifests/" + name + ".yaml", 1, 1));
    }
}
