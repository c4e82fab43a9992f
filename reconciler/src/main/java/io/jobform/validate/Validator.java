package io.jobform.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.manifest.LoadedFile;
import io.jobform.manifest.ManifestFile;
import io.jobform.manifest.ManifestLoader;
import io.jobform.manifest.Schedule;
import io.jobform.manifest.ScheduledJob;
import io.jobform.manifest.Violation;
import io.jobform.manifest.YamlDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Validates a whole manifest set: YAML safety, schema, JobDefaults merge, semantics, and
 * names unique across files. Pure: it reads only the bytes it is given.
 */
public final class Validator {

    public static final String SCHEDULED_JOB = "ScheduledJob";
    public static final String JOB_DEFAULTS = "JobDefaults";

    private final ManifestLoader loader;
    private final SchemaCheck schema;
    private final List<OwnBucket> ownBuckets;

    public Validator() {
        this(new ManifestLoader());
    }

    public Validator(ManifestLoader loader) {
        this(loader, new SchemaCheck(), List.of());
    }

    private Validator(ManifestLoader loader, SchemaCheck schema, List<OwnBucket> ownBuckets) {
        this.loader = loader;
        this.schema = schema;
        this.ownBuckets = List.copyOf(ownBuckets);
    }

    /** This validator, also refusing permissions that could change these buckets ({@link OwnBucket}). */
    public Validator protecting(List<OwnBucket> buckets) {
        return new Validator(loader, schema, buckets);
    }

    /** Validates with the current time as the reference for schedule warnings. */
    public ValidationReport validate(List<ManifestFile> files, String instanceName) {
        return validate(files, instanceName, Instant.now());
    }

    /** @param now the reference instant for schedule warnings (DST changes in the coming year) */
    public ValidationReport validate(List<ManifestFile> files, String instanceName, Instant now) {
        return validate(files, instanceName, now, UnaryOperator.identity());
    }

    /**
     * @param manifestKey the S3 key a file gets (it becomes the {@code jobform.io/manifest} tag),
     *                    from its name as shown; identity when files are named by their keys, as
     *                    in a reconcile. {@code jobform validate <dir>} shows local paths.
     */
    public ValidationReport validate(List<ManifestFile> files, String instanceName, Instant now,
            UnaryOperator<String> manifestKey) {
        return validate(files, instanceName, now, manifestKey, Set.of());
    }

    /**
     * @param jobManifests keys last seen holding a job's manifest (the reconciler's inventory): such a
     *                     file, unreadable now, is taken for that job's, not for the set's JobDefaults
     */
    public ValidationReport validate(List<ManifestFile> files, String instanceName, Instant now,
            UnaryOperator<String> manifestKey, Set<String> jobManifests) {
        List<Violation> violations = new ArrayList<>();
        Set<String> named = new HashSet<>();
        Set<String> mayBeDefaults = new TreeSet<>();
        List<YamlDocument> jobs = new ArrayList<>();
        List<YamlDocument> defaults = new ArrayList<>();
        Set<String> invalid = new TreeSet<>();
        for (ManifestFile file : files) {
            LoadedFile loaded = loader.load(file);
            violations.addAll(loaded.violations());
            if (loaded.violations().stream().anyMatch(Violation::isError) && loaded.documents().stream()
                    .noneMatch(d -> name(d).isPresent() || d.tree().path("kind").asText().equals(SCHEDULED_JOB))) {
                mayBeDefaults.add(file.key()); // unreadable: nothing tells what it holds
            }
            for (YamlDocument doc : loaded.documents()) {
                JsonNode kind = doc.tree().path("kind");
                name(doc).ifPresent(n -> named.add(doc.file()));
                if (kind.asText().equals(SCHEDULED_JOB)) {
                    jobs.add(doc);
                } else if (kind.asText().equals(JOB_DEFAULTS)) {
                    defaults.add(doc);
                    named.add(doc.file());
                } else {
                    name(doc).ifPresent(invalid::add); // perhaps a job with a misspelt kind: keep it frozen
                    if (KindGuess.mayBeDefaults(doc.tree())) {
                        mayBeDefaults.add(doc.file());
                    }
                    violations.add(Violation.error(kind.isMissingNode() ? doc.start() : doc.positions().valueAt("/kind"),
                            "", "kind", kind.isMissingNode() ? "required field 'kind' is missing (ScheduledJob or JobDefaults)"
                                    : "unknown kind '" + kind.asText() + "'; use ScheduledJob or JobDefaults"));
                }
            }
        }
        Optional<YamlDocument> usableDefaults = defaults(defaults, violations);
        // A JobDefaults that cannot even be read as one would otherwise drop out of every job
        // unnoticed: every job that could inherit from it is frozen, as for an invalid one.
        mayBeDefaults.removeAll(jobManifests);
        Optional<String> unreadableDefaults = defaults.isEmpty() && !mayBeDefaults.isEmpty()
                ? Optional.of(String.join(", ", mayBeDefaults)) : Optional.empty();
        boolean defaultsBroken = !defaults.isEmpty() && usableDefaults.isEmpty() || unreadableDefaults.isPresent();
        Set<String> duplicated = duplicates(jobs, violations);
        List<ScheduledJob> valid = new ArrayList<>();
        for (YamlDocument doc : jobs) {
            Optional<String> name = name(doc);
            String subject = name.map(n -> SCHEDULED_JOB + "/" + n).orElse("");
            List<Violation> own = new ArrayList<>(doc.problems().stream().map(v -> withSubject(v, subject)).toList());
            Optional<ScheduledJob> job = Optional.empty();
            if (own.isEmpty()) {
                List<Violation> schemaErrors = schema.check(doc, SCHEDULED_JOB, subject);
                own.addAll(schemaErrors);
                if (defaultsBroken) {
                    own.add(Violation.error(doc.start(), subject, "", unreadableDefaults
                            .map(f -> "not reconciled while " + f + " cannot be read: it may be the JobDefaults of "
                                    + "this manifest set")
                            .orElse("not reconciled while the JobDefaults of this manifest set is invalid")));
                } else {
                    Findings findings = new Findings(subject, doc.positions(), usableDefaults.map(YamlDocument::positions));
                    ObjectNode merged = usableDefaults.map(d -> DefaultsMerge.merge(d.tree(), doc.tree())).orElse(doc.tree());
                    Optional<Schedule> schedule = semantics(merged, instanceName, ownBuckets, now, findings,
                            !schemaErrors.isEmpty());
                    own.addAll(beyond(schemaErrors, findings.violations()));
                    if (schemaErrors.isEmpty() && !findings.hasErrors()) {
                        job = Optional.of(JobBinder.bind(merged, schedule, manifestKey.apply(doc.file()), doc.start()));
                    }
                }
            }
            Optional<String> keyProblem = ManifestKeyCheck.problem(manifestKey.apply(doc.file()));
            if (keyProblem.isPresent()) {
                own.add(Violation.error(doc.start(), subject, "", keyProblem.get()));
                job = Optional.empty();
            }
            violations.addAll(own);
            boolean ok = job.isPresent() && name.filter(duplicated::contains).isEmpty();
            if (ok) {
                valid.add(job.get());
            } else {
                name.ifPresent(invalid::add);
            }
        }
        valid.sort(Comparator.comparing(ScheduledJob::name));
        List<Violation> all = sorted(violations);
        Set<String> unattributed = new TreeSet<>();
        all.stream().filter(Violation::isError).map(v -> v.position().file()).filter(f -> !named.contains(f))
                .forEach(unattributed::add);
        return new ValidationReport(valid, invalid, all, unattributed);
    }

    /**
     * Semantic checks also run on a schema-invalid job so that one pass reports everything; on
     * such a tree a check may meet a value of the wrong shape, and its findings are then moot.
     */
    private static Optional<Schedule> semantics(ObjectNode job, String instance, List<OwnBucket> buckets, Instant now,
            Findings findings, boolean schemaInvalid) {
        if (!schemaInvalid) {
            return checks(job, instance, buckets, now, findings);
        }
        try {
            return checks(job, instance, buckets, now, findings);
        } catch (RuntimeException wrongShape) {
            return Optional.empty();
        }
    }

    /** Semantic findings about a field the schema already rejected (or its parent or child) add nothing. */
    private static List<Violation> beyond(List<Violation> schemaErrors, List<Violation> semantic) {
        return semantic.stream().filter(v -> schemaErrors.stream().noneMatch(s -> related(s.field(), v.field()))).toList();
    }

    private static boolean related(String a, String b) {
        return a.equals(b) || a.startsWith(b + ".") || b.startsWith(a + ".") || a.startsWith(b + "[") || b.startsWith(a + "[");
    }

    private static Optional<Schedule> checks(ObjectNode job, String instance, List<OwnBucket> buckets, Instant now,
            Findings findings) {
        IdentityCheck.check(job, instance, findings);
        JsonNode spec = job.path("spec");
        Optional<Schedule> schedule = spec.has("schedule")
                ? ScheduleCheck.check(spec.path("schedule"), findings) : Optional.empty();
        schedule.ifPresent(s -> ScheduleWarnings.check(s, now, findings));
        schedule = schedule.map(s -> ScheduleWarnings.withoutPastStart(s, now, findings));
        ContainerCheck.check(spec.path("container"), findings);
        RunLimits.check(job, now, findings);
        ReferenceCheck.check(spec, findings);
        PermissionGuardrails.check(spec.path("permissions"), Optional.of(instance), buckets, findings);
        return schedule;
    }

    /** At most one JobDefaults per set; it must be valid for any job to be reconciled. */
    private Optional<YamlDocument> defaults(List<YamlDocument> defaults, List<Violation> violations) {
        if (defaults.size() > 1) {
            for (YamlDocument doc : defaults) {
                String others = defaults.stream().filter(d -> d != doc).map(d -> d.start().toString())
                        .reduce((a, b) -> a + ", " + b).orElse("");
                violations.add(Violation.error(doc.positions().valueAt("/kind"), JOB_DEFAULTS, "kind",
                        "only one JobDefaults is allowed per manifest set; another one is at " + others));
            }
            return Optional.empty();
        }
        if (defaults.isEmpty()) {
            return Optional.empty();
        }
        YamlDocument doc = defaults.get(0);
        List<Violation> found = new ArrayList<>(doc.problems().stream().map(v -> withSubject(v, JOB_DEFAULTS)).toList());
        if (found.isEmpty()) {
            found.addAll(schema.check(doc, JOB_DEFAULTS, JOB_DEFAULTS));
        }
        if (found.isEmpty()) {
            // The defaults' own values are checked in each job's context; these need no job.
            Findings findings = new Findings(JOB_DEFAULTS, doc.positions(), Optional.empty());
            ReferenceCheck.check(doc.tree().path("spec"), findings);
            IdentityCheck.labels(doc.tree().path("spec").path("labels"), "/spec/labels", findings);
            found.addAll(findings.violations());
        }
        violations.addAll(found);
        return found.stream().anyMatch(Violation::isError) ? Optional.empty() : Optional.of(doc);
    }

    /** Jobs sharing a name are all invalid; each violation names the other positions. */
    private static Set<String> duplicates(List<YamlDocument> jobs, List<Violation> violations) {
        Map<String, List<YamlDocument>> byName = new HashMap<>();
        for (YamlDocument doc : jobs) {
            name(doc).ifPresent(n -> byName.computeIfAbsent(n, k -> new ArrayList<>()).add(doc));
        }
        Set<String> duplicated = new LinkedHashSet<>();
        byName.forEach((name, docs) -> {
            if (docs.size() < 2) {
                return;
            }
            duplicated.add(name);
            for (YamlDocument doc : docs) {
                String others = docs.stream().filter(d -> d != doc).map(d -> d.positions().valueAt("/metadata/name")
                        .toString()).reduce((a, b) -> a + ", " + b).orElse("");
                violations.add(Violation.error(doc.positions().valueAt("/metadata/name"), SCHEDULED_JOB + "/" + name,
                        "metadata.name", "job name '" + name + "' is also used at " + others));
            }
        });
        return duplicated;
    }

    private static Violation withSubject(Violation v, String subject) {
        return new Violation(v.severity(), v.position(), subject, v.field(), v.message());
    }

    private static Optional<String> name(YamlDocument doc) {
        JsonNode name = doc.tree().path("metadata").path("name");
        return name.isTextual() && !name.asText().isBlank() ? Optional.of(name.asText()) : Optional.empty();
    }

    /** Sorted by file, line, column; a finding inherited by many jobs from the defaults is kept once. */
    private static List<Violation> sorted(List<Violation> violations) {
        Map<String, Violation> unique = new java.util.LinkedHashMap<>();
        for (Violation v : violations) {
            unique.putIfAbsent(v.severity() + "|" + v.format(), v);
        }
        List<Violation> out = new ArrayList<>(unique.values());
        out.sort(Comparator.comparing((Violation v) -> v.position().file())
                .thenComparingInt(v -> v.position().line())
                .thenComparingInt(v -> v.position().column())
                .thenComparing(Violation::message));
        return out;
    }
}
