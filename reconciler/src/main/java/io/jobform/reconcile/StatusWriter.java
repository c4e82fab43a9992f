package io.jobform.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.apply.ApplyReport;
import io.jobform.apply.ChangeFailure;
import io.jobform.aws.ObjectStore;
import io.jobform.config.StateKeys;
import io.jobform.manifest.ScheduledJob;
import io.jobform.manifest.Violation;
import io.jobform.operate.JobStatus;
import io.jobform.plan.Change;
import io.jobform.plan.Plan;
import io.jobform.validate.ScheduleCalendar;
import io.jobform.validate.ValidationReport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes what a PR author needs to see why a job is (not) live: {@code <job>.json}
 * per job and {@code _summary.json} under the instance's status prefix ({@link StateKeys}). An object is written only when its content
 * changed (its digest is kept in the inventory), so an unchanged reconcile writes nothing;
 * {@code lastReconciled} and {@code nextRuns} are therefore as of the last change.
 */
final class StatusWriter {
    static final String SUMMARY = "_summary";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectStore store;
    private final StateWrites writes;
    private final String region;
    private final String instance;
    private final String prefix;

    StatusWriter(ObjectStore store, StateWrites writes, String region, String instance) {
        this.store = store;
        this.writes = writes;
        this.region = region;
        this.instance = instance;
        this.prefix = StateKeys.of(instance).statusPrefix();
    }

    /** Writes the changed status objects and returns the digests to keep in the inventory. */
    Map<String, String> write(ValidationReport validation, List<ScheduledJob> jobs, Set<String> frozen, Plan plan,
            ApplyReport report, Inventory inventory, Instant now) {
        Map<String, ObjectNode> statuses = new TreeMap<>();
        Map<String, ScheduledJob> schedules = new HashMap<>();
        Map<String, List<ChangeFailure>> failures = new HashMap<>();
        report.failures().forEach(f -> failures.computeIfAbsent(jobOf(plan, f), k -> new java.util.ArrayList<>()).add(f));
        Set<String> pending = new TreeSet<>();
        report.deferred().forEach(c -> c.job().ifPresent(pending::add));
        report.notRun().forEach(c -> c.job().ifPresent(pending::add));
        Map<String, Map<String, Inventory.ResourceEntry>> byJob = new HashMap<>();
        inventory.resources().forEach((id, entry) ->
                byJob.computeIfAbsent(entry.job(), k -> new TreeMap<>()).put(id, entry));
        for (ScheduledJob job : jobs) {
            ObjectNode s = base(job.manifestKey(), inventory, true);
            List<ChangeFailure> failed = failures.getOrDefault(job.name(), List.of());
            failed.forEach(f -> s.withArray("errors").add(f.format()));
            s.put("synced", failed.isEmpty() && !pending.contains(job.name()));
            schedule(s, job);
            resources(s, byJob.getOrDefault(job.name(), Map.of()));
            statuses.put(job.name(), s);
            schedules.put(job.name(), job);
        }
        for (String name : frozen) {
            String manifest = validation.violations().stream()
                    .filter(v -> v.isError() && v.subject().equals(ScheduledJob.KIND + "/" + name))
                    .map(v -> v.position().file()).findFirst()
                    .orElseGet(() -> inventory.manifests().entrySet().stream()
                            .filter(e -> e.getValue().job().equals(name)).map(Map.Entry::getKey).findFirst().orElse(""));
            ObjectNode s = base(manifest, inventory, false);
            validation.violations().stream().filter(Violation::isError)
                    .filter(v -> v.subject().equals(ScheduledJob.KIND + "/" + name) || v.position().file().equals(manifest))
                    .forEach(v -> s.withArray("errors").add(v.format()));
            s.put("synced", false);
            // Frozen, not gone: what still runs stays visible to get, describe, history and run.
            resources(s, byJob.getOrDefault(name, Map.of()));
            statuses.put(JobStatus.storedName(name), s);
        }
        statuses.put(SUMMARY, summary(validation, jobs, frozen, plan, report));

        Map<String, String> digests = new TreeMap<>();
        statuses.forEach((name, status) -> {
            String digest = digest(status.toString());
            String stamp = inventory.statusDigests().get(name);
            if (stamp != null && stamp.startsWith(digest + "@")) {
                digests.put(name, stamp);
                return;
            }
            // nextRuns stay out of the digest: they move with time, not with the job.
            if (!name.equals(SUMMARY)) {
                ArrayNode next = status.putArray("nextRuns");
                ScheduledJob job = schedules.get(name);
                if (job != null && !job.spec().suspend()) {
                    job.spec().schedule().ifPresent(sch -> ScheduleCalendar.next(sch, now, 5)
                            .forEach(t -> next.add(t.toOffsetDateTime().toString())));
                }
            }
            status.put("lastReconciled", now.toString());
            byte[] body = status.toPrettyString().getBytes(StandardCharsets.UTF_8);
            writes.submit(() -> store.put(prefix + name + ".json", body));
            digests.put(name, digest + "@" + now);
        });
        inventory.statusDigests().keySet().stream().filter(k -> !statuses.containsKey(k))
                .forEach(gone -> writes.submit(() -> store.delete(prefix + gone + ".json")));
        return digests;
    }

    private void resources(ObjectNode status, Map<String, Inventory.ResourceEntry> owned) {
        ObjectNode resources = status.putObject("resources");
        owned.forEach((id, entry) -> {
            ObjectNode r = resources.putObject(id);
            r.put("arn", entry.arn());
            r.put("console", ConsoleLinks.of(parse(id), entry.arn(), region, instance));
        });
    }

    /**
     * What {@code jobform get jobs} shows without a Scheduler call per job: the expression as
     * written and as Scheduler runs it, its zone, window and whether it is suspended.
     */
    private static void schedule(ObjectNode status, ScheduledJob job) {
        job.spec().schedule().ifPresent(schedule -> {
            ObjectNode s = status.putObject("schedule");
            s.put("expression", schedule.expression().awsExpression());
            s.put("source", schedule.expression().source());
            s.put("timezone", schedule.timezone().getId());
            schedule.startDate().ifPresent(d -> s.put("startDate", d.toString()));
            schedule.endDate().ifPresent(d -> s.put("endDate", d.toString()));
            s.put("suspended", job.spec().suspend());
        });
    }

    private ObjectNode base(String manifest, Inventory inventory, boolean valid) {
        ObjectNode s = JSON.createObjectNode();
        s.put("manifest", manifest);
        Inventory.ManifestEntry entry = inventory.manifests().get(manifest);
        s.put("etag", entry == null ? "" : entry.etag());
        s.put("valid", valid);
        s.putArray("errors");
        return s;
    }

    private ObjectNode summary(ValidationReport validation, List<ScheduledJob> jobs, Set<String> frozen, Plan plan,
            ApplyReport report) {
        ObjectNode s = JSON.createObjectNode();
        s.put("instance", instance);
        s.put("jobs", jobs.size());
        s.put("invalid", frozen.size());
        s.put("errors", validation.errorCount());
        s.put("failed", report.failures().size());
        s.put("deferred", report.deferred().size() + report.notRun().size());
        report.failures().forEach(f -> s.withArray("failures").add(f.format()));
        plan.guards().forEach(g -> s.withArray("guards").add(g));
        validation.violations().stream().filter(Violation::isError).forEach(v -> s.withArray("violations").add(v.format()));
        return s;
    }

    private static String jobOf(Plan plan, ChangeFailure failure) {
        return plan.changes().stream().filter(c -> c.id().equals(failure.id())).findFirst()
                .flatMap(Change::job).orElse(SUMMARY);
    }

    private static io.jobform.resource.ResourceId parse(String id) {
        int slash = id.indexOf('/');
        String kind = id.substring(0, slash);
        for (io.jobform.resource.ResourceKind k : io.jobform.resource.ResourceKind.values()) {
            if (k.displayName().equals(kind)) {
                return new io.jobform.resource.ResourceId(k, id.substring(slash + 1));
            }
        }
        throw new IllegalArgumentException("unknown kind in " + id);
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
