package io.jobform.emulator.sfn;

import io.jobform.emulator.core.RegionalStores;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobform.emulator.jsonapi.JsonBody;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The state machines of one account and region with their executions. A machine is kept as
 * the body DescribeStateMachine returns, an execution as the body DescribeExecution returns;
 * both are plain JSON so the state snapshots as it is.
 */
final class StateMachineStore implements RegionalStores.Store {

    static final class Machine {
        final ObjectNode body;
        final Map<String, String> tags = new LinkedHashMap<>();
        /** Execution name to DescribeExecution body, in start order. */
        final LinkedHashMap<String, ObjectNode> executions = new LinkedHashMap<>();

        Machine(ObjectNode body) {
            this.body = body;
        }

        String arn() {
            return body.path("stateMachineArn").asText();
        }

        String name() {
            return body.path("name").asText();
        }
    }

    final String region;
    final String accountId;
    private final TreeMap<String, Machine> machines = new TreeMap<>();

    StateMachineStore(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    Optional<Machine> byName(String name) {
        return Optional.ofNullable(machines.get(name));
    }

    Machine put(ObjectNode body) {
        Machine machine = new Machine(body);
        machines.put(machine.name(), machine);
        return machine;
    }

    void remove(String name) {
        machines.remove(name);
    }

    Map<String, Machine> machines() {
        return machines;
    }

    /** Resolves an ARN already checked for shape; another region or account does not exist here. */
    Machine machine(String arn) {
        SfnNames.MachineRef ref = SfnNames.machine(arn);
        return Optional.ofNullable(machines.get(ref.name()))
                .filter(m -> ref.region().equals(region) && ref.account().equals(accountId))
                .orElseThrow(() -> SfnErrors.machineNotFound(arn));
    }

    ObjectNode execution(String arn) {
        SfnNames.ExecutionRef ref = SfnNames.execution(arn);
        return Optional.ofNullable(machines.get(ref.machine()))
                .filter(m -> ref.region().equals(region) && ref.account().equals(accountId))
                .map(m -> m.executions.get(ref.name()))
                .orElseThrow(() -> SfnErrors.executionNotFound(arn));
    }

    @Override
    public JsonNode snapshot() {
        ObjectNode out = JsonBody.object();
        machines.values().forEach(m -> {
            ObjectNode entry = out.putObject(m.name());
            entry.set("stateMachine", m.body);
            entry.set("tags", JsonBody.mapper().valueToTree(m.tags));
            ObjectNode executions = entry.putObject("executions");
            m.executions.forEach(executions::set);
        });
        return out;
    }

    @Override
    public void restore(JsonNode snapshot) {
        machines.clear();
        snapshot.fields().forEachRemaining(e -> {
            Machine m = put((ObjectNode) e.getValue().get("stateMachine").deepCopy());
            e.getValue().path("tags").fields().forEachRemaining(t -> m.tags.put(t.getKey(), t.getValue().asText()));
            e.getValue().path("executions").fields()
                    .forEachRemaining(x -> m.executions.put(x.getKey(), (ObjectNode) x.getValue().deepCopy()));
        });
    }
}
