package io.jobform.emulator.ecs;

import io.jobform.emulator.core.RegionalStores;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.jsonapi.JsonBody;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The task definitions of one account and region. Revisions count up per family and are never
 * reused, even after every revision of a family was deleted (API_RegisterTaskDefinition).
 */
final class TaskDefinitionStore implements RegionalStores.Store {
    private static final Pattern ARN = Pattern.compile(
            "^arn:aws[a-z-]*:ecs:([a-z0-9-]+):(\\d{12}):task-definition/([a-zA-Z0-9_-]{1,255})(?::(\\d+))?$");
    private static final Pattern FAMILY_REVISION = Pattern.compile("^([a-zA-Z0-9_-]{1,255})(?::(\\d+))?$");

    /** One revision: the body DescribeTaskDefinition returns (status included) and its tags. */
    static final class Revision {
        final ObjectNode body;
        final Map<String, String> tags;

        Revision(ObjectNode body, Map<String, String> tags) {
            this.body = body;
            this.tags = new LinkedHashMap<>(tags);
        }

        String status() {
            return body.path("status").asText();
        }

        String arn() {
            return body.path("taskDefinitionArn").asText();
        }

        String family() {
            return body.path("family").asText();
        }

        int revision() {
            return body.path("revision").asInt();
        }
    }

    private static final class Family {
        int lastRevision;
        final TreeMap<Integer, Revision> revisions = new TreeMap<>();
    }

    /** A parsed task definition reference: family, optional revision. */
    record Ref(String family, Optional<Integer> revision) {}

    private final String region;
    private final String accountId;
    private final TreeMap<String, Family> families = new TreeMap<>();

    TaskDefinitionStore(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    Revision register(ObjectNode body, Map<String, String> tags, Instant now) {
        String familyName = body.path("family").asText();
        Family family = families.computeIfAbsent(familyName, f -> new Family());
        int revision = ++family.lastRevision;
        String arn = "arn:aws:ecs:" + region + ":" + accountId + ":task-definition/" + familyName + ":" + revision;
        ObjectNode stored = JsonBody.object();
        stored.put("taskDefinitionArn", arn);
        stored.setAll(body);
        stored.put("revision", revision);
        stored.put("status", "ACTIVE");
        stored.put("registeredAt", JsonBody.epochSeconds(now));
        stored.put("registeredBy", "arn:aws:iam::" + accountId + ":root");
        Revision created = new Revision(stored, tags);
        family.revisions.put(revision, created);
        return created;
    }

    /** Parses "family", "family:revision" or a task definition ARN of this region. */
    Optional<Ref> parse(String reference) {
        Matcher arn = ARN.matcher(reference);
        if (arn.matches()) {
            if (!arn.group(1).equals(region) || !arn.group(2).equals(accountId)) {
                return Optional.empty();
            }
            return Optional.of(new Ref(arn.group(3), Optional.ofNullable(arn.group(4)).map(Integer::valueOf)));
        }
        Matcher plain = FAMILY_REVISION.matcher(reference);
        if (plain.matches()) {
            return Optional.of(new Ref(plain.group(1), Optional.ofNullable(plain.group(2)).map(Integer::valueOf)));
        }
        return Optional.empty();
    }

    /** A family without revision means its latest ACTIVE revision, as DescribeTaskDefinition resolves it. */
    Optional<Revision> find(Ref ref) {
        Family family = families.get(ref.family());
        if (family == null) {
            return Optional.empty();
        }
        if (ref.revision().isPresent()) {
            return Optional.ofNullable(family.revisions.get(ref.revision().get()));
        }
        return family.revisions.descendingMap().values().stream().filter(r -> r.status().equals("ACTIVE")).findFirst();
    }

    Optional<Revision> findByArn(String arn) {
        return parse(arn).filter(r -> r.revision().isPresent() && arn.startsWith("arn:")).flatMap(this::find);
    }

    /** Every revision, ordered by family name then revision number. */
    List<Revision> all() {
        List<Revision> result = new ArrayList<>();
        families.values().forEach(f -> result.addAll(f.revisions.values()));
        return result;
    }

    /** Family names with their revisions, for ListTaskDefinitionFamilies. */
    Map<String, List<Revision>> byFamily() {
        Map<String, List<Revision>> result = new TreeMap<>();
        families.forEach((name, f) -> result.put(name, List.copyOf(f.revisions.values())));
        return result;
    }

    @Override
    public JsonNode snapshot() {
        ObjectNode out = JsonBody.object();
        families.forEach((name, f) -> {
            ObjectNode family = out.putObject(name);
            family.put("lastRevision", f.lastRevision);
            ArrayNode revisions = family.putArray("revisions");
            f.revisions.values().forEach(r -> {
                ObjectNode entry = revisions.addObject();
                entry.set("taskDefinition", r.body);
                entry.set("tags", JsonBody.mapper().valueToTree(r.tags));
            });
        });
        return out;
    }

    @Override
    public void restore(JsonNode snapshot) {
        families.clear();
        snapshot.fields().forEachRemaining(e -> {
            Family family = new Family();
            family.lastRevision = e.getValue().path("lastRevision").asInt();
            e.getValue().path("revisions").forEach(entry -> {
                Map<String, String> tags = new LinkedHashMap<>();
                entry.path("tags").fields().forEachRemaining(t -> tags.put(t.getKey(), t.getValue().asText()));
                Revision r = new Revision((ObjectNode) entry.get("taskDefinition").deepCopy(), tags);
                family.revisions.put(r.revision(), r);
            });
            families.put(e.getKey(), family);
        });
    }
}
