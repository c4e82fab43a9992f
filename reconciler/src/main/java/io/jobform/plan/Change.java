package io.jobform.plan;

import io.jobform.resource.DesiredResource;
import io.jobform.resource.ResourceId;
import java.util.List;
import java.util.Optional;

/**
 * One step of a plan. Every variant names its resource; the applier turns each into calls.
 * There is no replace step: every property AWS cannot update in place (role path, state machine
 * type, schedule group) is derived from the resource's name, so a change of it is a rename,
 * which plans as a create plus a delete.
 */
public sealed interface Change {

    ResourceId id();

    /** The verb of the plan line. */
    Action action();

    /** The job the step belongs to; empty for the instance's shared resources. */
    Optional<String> job();

    enum Action {
        CREATE("create", "+"), UPDATE("update", "~"), DELETE("delete", "-"), ORPHAN("orphan", "!"),
        RETIRE_REVISIONS("retire revisions", "-"), KEEP("unchanged", " "), SKIP("skip", "#");

        private final String word;
        private final String symbol;

        Action(String word, String symbol) {
            this.word = word;
            this.symbol = symbol;
        }

        public String word() {
            return word;
        }

        public String symbol() {
            return symbol;
        }

        /** True when applying the step calls a mutating AWS API. */
        public boolean mutates() {
            return this != KEEP && this != SKIP;
        }
    }

    record Create(DesiredResource desired) implements Change {
        public ResourceId id() { return desired.id(); }
        public Action action() { return Action.CREATE; }
        public Optional<String> job() { return desired.job(); }
    }

    /** @param fields the fields that changed; empty when the last applied spec is unknown */
    record Update(DesiredResource desired, ObservedResource observed, List<FieldChange> fields) implements Change {
        public Update {
            fields = List.copyOf(fields);
        }
        public ResourceId id() { return desired.id(); }
        public Action action() { return Action.UPDATE; }
        public Optional<String> job() { return desired.job(); }
    }

    record Delete(ObservedResource observed) implements Change {
        public ResourceId id() { return observed.id(); }
        public Action action() { return Action.DELETE; }
        public Optional<String> job() { return observed.job(); }
    }

    /** The manifest asked not to prune: the ownership tags are removed, the resource stays. */
    record Orphan(ObservedResource observed) implements Change {
        public ResourceId id() { return observed.id(); }
        public Action action() { return Action.ORPHAN; }
        public Optional<String> job() { return observed.job(); }
    }

    /** Task definition revisions beyond the kept history: deregistered, then deleted. */
    record RetireRevisions(ResourceId id, Optional<String> job, List<String> revisionArns) implements Change {
        public RetireRevisions {
            revisionArns = List.copyOf(revisionArns);
        }
        public Action action() { return Action.RETIRE_REVISIONS; }
    }

    record Keep(DesiredResource desired, ObservedResource observed) implements Change {
        public ResourceId id() { return desired.id(); }
        public Action action() { return Action.KEEP; }
        public Optional<String> job() { return desired.job(); }
    }

    /** Nothing happens, for the stated reason (a frozen job, a guard). */
    record Skip(ResourceId id, Optional<String> job, String reason) implements Change {
        public Action action() { return Action.SKIP; }
    }
}
