package io.jobform.operate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A job's status object {@code <status prefix><job>.json} (see {@link io.jobform.config.StateKeys}) as the reconciler writes it:
 * manifest, validation state, errors, whether AWS matches the manifest, the resources with
 * ARNs and console links, and the schedule.
 */
public record JobStatus(String name, String manifest, boolean valid, List<String> errors, boolean synced,
        List<Resource> resources, Optional<ScheduleInfo> schedule, Optional<Instant> lastReconciled) {

    public static final String SUMMARY = "_summary";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param id {@code Kind/name}, e.g. {@code StateMachine/jobform-nightly-report} */
    public record Resource(String id, String arn, String console) {
        public String kind() {
            return id.substring(0, id.indexOf('/'));
        }
    }

    public static String key(String prefix, String job) {
        return prefix + job + ".json";
    }

    private static final java.util.regex.Pattern PLAIN_NAME = java.util.regex.Pattern.compile(
            "^[a-z0-9]([a-z0-9-]{0,198}[a-z0-9])?$");

    /**
     * The name a job's status object is stored under. An invalid manifest's name can be anything
     * ({@code ../../x}, 1,100 characters, which S3 rejects as a key over 1,024 bytes): such a name
     * is replaced by {@code _invalid-<hash>}, which no valid job name can be.
     */
    public static String storedName(String job) {
        if (PLAIN_NAME.matcher(job).matches()) {
            return job;
        }
        try {
            return "_invalid-" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(job.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The job of a status key, empty for the summary and anything else under the prefix. */
    public static Optional<String> jobOf(String prefix, String key) {
        if (!key.startsWith(prefix) || !key.endsWith(".json")) {
            return Optional.empty();
        }
        String name = key.substring(prefix.length(), key.length() - ".json".length());
        return name.equals(SUMMARY) || name.contains("/") ? Optional.empty() : Optional.of(name);
    }

    /**
     * @param key where the object is stored, named when it cannot be read
     * @throws OperateException when the object is not a status object
     */
    public static JobStatus parse(String name, String key, byte[] json) {
        JsonNode s;
        try {
            s = JSON.readTree(json);
        } catch (IOException e) {
            throw new OperateException(OperateException.Kind.FAILED, "unreadable status object " + key + ": "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (s == null || !s.isObject()) {
            throw new OperateException(OperateException.Kind.FAILED, "unreadable status object " + key);
        }
        List<String> errors = new ArrayList<>();
        s.path("errors").forEach(e -> errors.add(e.asText()));
        List<Resource> resources = new ArrayList<>();
        s.path("resources").fields().forEachRemaining(e -> resources.add(new Resource(e.getKey(),
                e.getValue().path("arn").asText(), e.getValue().path("console").asText())));
        JsonNode sch = s.path("schedule");
        Optional<ScheduleInfo> schedule = sch.isObject()
                ? Optional.of(new ScheduleInfo(sch.path("expression").asText(), sch.path("source").asText(),
                        sch.path("timezone").asText("UTC"), instant(sch.path("startDate")), instant(sch.path("endDate")),
                        sch.path("suspended").asBoolean(false)))
                : Optional.empty();
        return new JobStatus(name, s.path("manifest").asText(), s.path("valid").asBoolean(false), List.copyOf(errors),
                s.path("synced").asBoolean(false), List.copyOf(resources), schedule, instant(s.path("lastReconciled")));
    }

    /** The resource of a kind, e.g. {@code StateMachine}. */
    public Optional<Resource> resource(String kind) {
        return resources.stream().filter(r -> r.kind().equals(kind)).findFirst();
    }

    public Optional<String> stateMachineArn() {
        return resource("StateMachine").map(Resource::arn).filter(a -> !a.isEmpty());
    }

    private static Optional<Instant> instant(JsonNode node) {
        if (!node.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(node.asText()));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
