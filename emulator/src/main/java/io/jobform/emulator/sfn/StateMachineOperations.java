package io.jobform.emulator.sfn;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.core.EmulatorContext;
import io.jobform.emulator.jsonapi.Fields;
import io.jobform.emulator.jsonapi.JsonBody;
import io.jobform.emulator.jsonapi.PageTokens;
import java.util.List;
import java.util.Objects;

/**
 * Create, Update, Describe, Delete, List and ValidateStateMachineDefinition (Step Functions
 * API reference; limits from botocore stepfunctions/2016-11-23: name 1..80, definition up to
 * 1,048,576 characters, roleArn 1..256, maxResults 0..1000).
 */
final class StateMachineOperations {
    static final String PRINCIPAL = "states.amazonaws.com";
    private static final int MAX_DEFINITION = 1_048_576;

    private final StateMachineStore store;
    private final EmulatorContext context;

    StateMachineOperations(StateMachineStore store, EmulatorContext context) {
        this.store = store;
        this.context = context;
    }

    /**
     * CreateStateMachine is idempotent on name, definition, type, logging and tracing
     * configuration; a differing roleArn or tags are ignored and the existing machine is
     * returned. A differing definition/type/configuration is StateMachineAlreadyExists.
     */
    ObjectNode create(Fields in) {
        String name = SfnNames.checkName(in.requiredString("name"));
        String definition = definition(in.requiredString("definition"));
        String roleArn = in.requiredString("roleArn");
        String type = in.enumValue("type", List.of("STANDARD", "EXPRESS")).orElse("STANDARD");
        ObjectNode logging = in.object("loggingConfiguration").map(f -> (ObjectNode) f.node().deepCopy())
                .orElseGet(StateMachineOperations::defaultLogging);
        ObjectNode tracing = in.object("tracingConfiguration").map(f -> (ObjectNode) f.node().deepCopy())
                .orElseGet(() -> JsonBody.object().put("enabled", false));
        var tags = SfnTags.read(in.objects("tags"));
        var existing = store.byName(name);
        if (existing.isPresent()) {
            ObjectNode body = existing.get().body;
            boolean same = body.path("definition").asText().equals(definition) && body.path("type").asText().equals(type)
                    && body.get("loggingConfiguration").equals(logging) && body.get("tracingConfiguration").equals(tracing);
            if (!same) {
                throw SfnErrors.of("StateMachineAlreadyExists",
                        "State Machine Already Exists: '" + existing.get().arn() + "'");
            }
            return created(body);
        }
        checkRole(roleArn);
        ObjectNode body = JsonBody.object();
        body.put("stateMachineArn", SfnNames.machineArn(store.region, store.accountId, name));
        body.put("name", name);
        body.put("status", "ACTIVE");
        body.put("definition", definition);
        body.put("roleArn", roleArn);
        body.put("type", type);
        body.put("creationDate", JsonBody.epochSeconds(context.clock().instant()));
        body.set("loggingConfiguration", logging);
        body.set("tracingConfiguration", tracing);
        store.put(body).tags.putAll(tags);
        return created(body);
    }

    ObjectNode update(Fields in) {
        StateMachineStore.Machine machine = store.machine(in.requiredString("stateMachineArn"));
        if (!in.has("definition") && !in.has("roleArn") && !in.has("loggingConfiguration")
                && !in.has("tracingConfiguration") && !in.has("encryptionConfiguration")) {
            throw SfnErrors.of("MissingRequiredParameter",
                    "Either the definition, the role ARN, the LoggingConfiguration, the EncryptionConfiguration or the "
                            + "TracingConfiguration must be specified");
        }
        in.string("definition").map(this::definition).ifPresent(d -> machine.body.put("definition", d));
        in.string("roleArn").ifPresent(r -> {
            checkRole(r);
            machine.body.put("roleArn", r);
        });
        in.object("loggingConfiguration").ifPresent(l -> machine.body.set("loggingConfiguration", l.node().deepCopy()));
        in.object("tracingConfiguration").ifPresent(t -> machine.body.set("tracingConfiguration", t.node().deepCopy()));
        double now = JsonBody.epochSeconds(context.clock().instant());
        String revision = Integer.toHexString(Objects.hash(machine.body.toString(), now));
        machine.body.put("revisionId", revision);
        ObjectNode out = JsonBody.object();
        out.put("updateDate", now);
        out.put("revisionId", revision);
        return out;
    }

    ObjectNode describe(Fields in) {
        return store.machine(in.requiredString("stateMachineArn")).body.deepCopy();
    }

    /** Deleting an unknown (well-formed) ARN succeeds: DeleteStateMachine models no not-found error. */
    ObjectNode delete(Fields in) {
        SfnNames.MachineRef ref = SfnNames.machine(in.requiredString("stateMachineArn"));
        if (ref.region().equals(store.region) && ref.account().equals(store.accountId)) {
            store.remove(ref.name());
        }
        return JsonBody.object();
    }

    ObjectNode list(Fields in) {
        int max = SfnPaging.pageSize(in);
        var page = PageTokens.page(List.copyOf(store.machines().values()), StateMachineStore.Machine::name,
                in.string("nextToken"), max, SfnPaging::invalidToken);
        ObjectNode out = JsonBody.object();
        ArrayNode machines = out.putArray("stateMachines");
        page.items().forEach(m -> machines.addObject()
                .put("stateMachineArn", m.arn())
                .put("name", m.name())
                .put("type", m.body.path("type").asText())
                .set("creationDate", m.body.get("creationDate")));
        page.nextToken().ifPresent(t -> out.put("nextToken", t));
        return out;
    }

    /** Never throws for a bad definition: the result is FAIL with the diagnostics. */
    static ObjectNode validate(Fields in) {
        String definition = in.requiredString("definition");
        in.enumValue("type", List.of("STANDARD", "EXPRESS"));
        List<Diagnostic> diagnostics = DefinitionChecker.check(definition);
        long max = in.integer("maxResults", 0, 100).filter(n -> n > 0).orElse(100L);
        ObjectNode out = JsonBody.object();
        out.put("result", diagnostics.stream().anyMatch(d -> d.severity().equals("ERROR")) ? "FAIL" : "OK");
        ArrayNode list = out.putArray("diagnostics");
        diagnostics.stream().limit(max).forEach(d -> {
            ObjectNode item = list.addObject().put("severity", d.severity()).put("code", d.code()).put("message", d.message());
            if (d.location() != null) {
                item.put("location", d.location());
            }
        });
        out.put("truncated", diagnostics.size() > max);
        return out;
    }

    private String definition(String definition) {
        if (definition.length() > MAX_DEFINITION) {
            throw SfnErrors.validation("1 validation error detected: Value at 'definition' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + MAX_DEFINITION);
        }
        List<Diagnostic> errors = DefinitionChecker.check(definition);
        if (!errors.isEmpty()) {
            throw SfnErrors.of("InvalidDefinition", "Invalid State Machine Definition: '"
                    + String.join(", ", errors.stream().map(Diagnostic::render).toList()) + "'");
        }
        return definition;
    }

    /** A malformed role ARN is InvalidArn; a role Step Functions cannot (yet) assume is AccessDeniedException. */
    private void checkRole(String roleArn) {
        if (roleArn.length() > 256 || !SfnNames.ROLE_ARN.matcher(roleArn).matches()) {
            throw SfnErrors.invalidArn(roleArn);
        }
        if (context.roles().role(roleArn).isEmpty() || !context.roles().assumableBy(roleArn, PRINCIPAL)) {
            throw SfnErrors.of("AccessDeniedException", "Neither the global service principal states.amazonaws.com, "
                    + "nor the regional one is authorized to assume the provided role.");
        }
    }

    private static ObjectNode defaultLogging() {
        return JsonBody.object().put("level", "OFF").put("includeExecutionData", false);
    }

    private static ObjectNode created(ObjectNode body) {
        ObjectNode out = JsonBody.object();
        out.set("stateMachineArn", body.get("stateMachineArn"));
        out.set("creationDate", body.get("creationDate"));
        return out;
    }
}
