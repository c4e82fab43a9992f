package io.jobform.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import io.jobform.manifest.ScheduledJob;
import io.jobform.manifest.SourcePosition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Binds a merged, schema-valid and semantically checked job tree to the model records,
 * applying the built-in defaults (documented in docs/manifest.md).
 */
final class JobBinder {

    static final int DEFAULT_TIMEOUT_SECONDS = 3600;

    private JobBinder() {}

    static ScheduledJob bind(JsonNode job, Optional<Schedule> schedule, String manifestKey, SourcePosition start) {
        JsonNode metadata = job.path("metadata");
        JsonNode spec = job.path("spec");
        JobSpec jobSpec = new JobSpec(
                schedule,
                spec.path("suspend").asBoolean(false),
                ConcurrencyPolicy.valueOf(upper(spec.path("concurrencyPolicy").asText("Allow"))),
                optionalInt(spec, "startingDeadlineSeconds"),
                spec.path("timeoutSeconds").asInt(DEFAULT_TIMEOUT_SECONDS),
                retries(spec.path("retries")),
                container(spec.path("container")),
                Capacity.valueOf(upper(spec.path("capacity").asText("on-demand"))),
                optionalText(spec, "cluster"),
                spec.has("network") ? Optional.of(network(spec.path("network"))) : Optional.empty(),
                permissions(spec.path("permissions")),
                spec.has("input") ? spec.get("input").deepCopy() : JsonNodeFactory.instance.objectNode(),
                new Notifications(optionalText(spec.path("notifications"), "onFailure")));
        return new ScheduledJob(metadata.path("name").asText(), strings(metadata.path("labels")),
                strings(metadata.path("annotations")), jobSpec, manifestKey, start);
    }

    private static Retries retries(JsonNode r) {
        return new Retries(r.path("limit").asInt(0), r.path("intervalSeconds").asInt(30),
                r.path("backoffRate").asDouble(2.0), optionalInt(r, "maxDelaySeconds"), r.path("jitter").asBoolean(false),
                ints(r.path("exitCodes")), ints(r.path("exceptExitCodes")));
    }

    private static Container container(JsonNode c) {
        return new Container(c.path("image").asText(), list(c.path("command")), list(c.path("entryPoint")),
                strings(c.path("env")), strings(c.path("secrets")),
                c.path("cpu").asInt(ContainerCheck.DEFAULT_CPU), c.path("memory").asInt(ContainerCheck.DEFAULT_MEMORY),
                optionalInt(c, "ephemeralStorageGiB"),
                Architecture.valueOf(upper(c.path("architecture").asText("x86_64"))));
    }

    private static Network network(JsonNode n) {
        return new Network(list(n.path("subnets")), list(n.path("securityGroups")),
                n.path("assignPublicIp").asBoolean(false));
    }

    private static List<PermissionStatement> permissions(JsonNode p) {
        List<PermissionStatement> out = new ArrayList<>();
        for (JsonNode s : p) {
            out.add(new PermissionStatement(PermissionStatement.Effect.valueOf(upper(s.path("effect").asText("Allow"))),
                    list(s.path("actions")), list(s.path("resources"))));
        }
        return List.copyOf(out);
    }

    /** Sorted and without duplicates, so the rendered Choice rules never depend on manifest order. */
    private static List<Integer> ints(JsonNode array) {
        java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
        array.forEach(item -> out.add(item.asInt()));
        return List.copyOf(out);
    }

    private static Optional<Integer> optionalInt(JsonNode node, String field) {
        return node.has(field) ? Optional.of(node.get(field).asInt()) : Optional.empty();
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        return node.has(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
    }

    private static List<String> list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asText()));
        return List.copyOf(out);
    }

    /** Sorted, so rendering and hashing never depend on manifest key order. */
    private static Map<String, String> strings(JsonNode object) {
        TreeMap<String, String> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asText());
        }
        return Collections.unmodifiableMap(out);
    }

    /** {@code spot-with-fallback} to {@code SPOT_WITH_FALLBACK}, {@code x86_64} to {@code X86_64}. */
    private static String upper(String text) {
        return text.replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
