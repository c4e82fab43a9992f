package io.jobform.validate;

import io.jobform.manifest.PositionIndex;
import io.jobform.manifest.SourcePosition;
import io.jobform.manifest.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects the violations of one job, placing each at the YAML node it is about. A value the
 * job inherited from its JobDefaults is reported where the defaults file sets it.
 */
final class Findings {

    private final String subject;
    private final PositionIndex job;
    private final Optional<PositionIndex> defaults;
    private final List<Violation> violations = new ArrayList<>();

    Findings(String subject, PositionIndex job, Optional<PositionIndex> defaults) {
        this.subject = subject;
        this.job = job;
        this.defaults = defaults;
    }

    void error(String pointer, String message) {
        violations.add(Violation.error(valueAt(pointer), subject, PositionIndex.fieldPath(pointer), message));
    }

    void errorAtKey(String pointer, String message) {
        violations.add(Violation.error(keyAt(pointer), subject, PositionIndex.fieldPath(pointer), message));
    }

    void warning(String pointer, String message) {
        violations.add(Violation.warning(valueAt(pointer), subject, PositionIndex.fieldPath(pointer), message));
    }

    void note(String pointer, String message) {
        violations.add(Violation.note(valueAt(pointer), subject, PositionIndex.fieldPath(pointer), message));
    }

    boolean hasErrors() {
        return violations.stream().anyMatch(Violation::isError);
    }

    List<Violation> violations() {
        return List.copyOf(violations);
    }

    private SourcePosition valueAt(String pointer) {
        return inherited(pointer).map(d -> d.valueAt(inDefaults(pointer))).orElseGet(() -> job.valueAt(pointer));
    }

    private SourcePosition keyAt(String pointer) {
        return inherited(pointer).map(d -> d.keyAt(inDefaults(pointer))).orElseGet(() -> job.keyAt(pointer));
    }

    private Optional<PositionIndex> inherited(String pointer) {
        if (job.has(pointer)) {
            return Optional.empty();
        }
        return defaults.filter(d -> d.has(inDefaults(pointer)));
    }

    /** Job labels come from the defaults' {@code spec.labels}; everything else sits at the same path. */
    private static String inDefaults(String pointer) {
        return pointer.startsWith("/metadata/labels") ? "/spec/labels" + pointer.substring("/metadata/labels".length())
                : pointer;
    }
}
