package io.jobform.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobform.manifest.ManifestFile;
import io.jobform.manifest.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Mutations of the example manifests (drop, duplicate or swap lines, re-indent, retype or garble a
 * value, truncate, insert or flip bytes): the loader and validator never throw, and every error
 * names the file and a position inside it. Tries per property: {@code jqwik.tries.default}
 * (src/test/resources/junit-platform.properties; the {@code fuzz} profile raises it).
 */
class ManifestMutationFuzzTest {

    private static final List<String> SEEDS = seeds();
    private static final List<String> VALUES = List.of("[1, 2]", "{a: 1}", "~", "\"$.Execution.Input\"", "*x", "&a 1",
            "true", "-1", "1e400", "\"\\u0000\"", "!!binary AA==", "'", "\"", "{", "[", "|", ">-", "? x", "- y",
            "arn:aws:iam::123456789012:role/jobform/jobform/jobform-states", "jobform.io/instance", "\"a\\nb\"",
            "99999999999999999999", "0x1F", ".nan", "2026-13-45", "<<: *x", "%TAG ! x", "@", "`", "\t");

    /** One mutation: an operation and where it applies (scaled to the seed's size). */
    record Mutation(int op, double where, double other, int value, byte raw) {}

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 8),
                Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, VALUES.size() - 1), Arbitraries.bytes()).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property
    void loaderAndValidatorNeverThrowAndPositionEveryError(@ForAll("mutations") List<Mutation> mutations,
            @ForAll("seedIndex") int seed) {
        byte[] bytes = mutate(SEEDS.get(seed), mutations);
        String key = "manifests/fuzz " + seed + ".yaml";
        ValidationReport report = new Validator().validate(List.of(new ManifestFile(key, bytes)), "jobform",
                InvalidManifestsTest.NOW);
        List<Violation> errors = report.violations().stream().filter(Violation::isError).toList();
        if (!errors.isEmpty()) {
            CleanErrors.assertClean(errors, key, bytes);
            assertThat(report.jobs()).isEmpty();
        }
        assertThat(report.violations()).allSatisfy(v -> assertThat(v.position().file()).isEqualTo(key));
    }

    @Provide
    Arbitrary<Integer> seedIndex() {
        return Arbitraries.integers().between(0, SEEDS.size() - 1);
    }

    static byte[] mutate(String seed, List<Mutation> mutations) {
        List<String> lines = new ArrayList<>(Arrays.asList(seed.split("\n", -1)));
        byte[] tail = null;
        for (Mutation m : mutations) {
            int i = (int) (m.where() * (lines.size() - 1));
            int j = (int) (m.other() * (lines.size() - 1));
            switch (m.op()) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(i, lines.get(i));
                case 2 -> {
                    String a = lines.get(i);
                    lines.set(i, lines.get(j));
                    lines.set(j, a);
                }
                case 3 -> lines.set(i, (m.other() < 0.5 ? " " : "") + lines.get(i).replaceFirst("^ ", ""));
                case 4 -> {
                    String line = lines.get(i);
                    int colon = line.indexOf(": ");
                    lines.set(i, colon < 0 ? line + " " + VALUES.get(m.value()) : line.substring(0, colon + 2)
                            + VALUES.get(m.value()));
                }
                case 5 -> lines.set(i, lines.get(i) + VALUES.get(m.value()));
                default -> tail = new byte[] {m.raw()};
            }
            if (lines.isEmpty()) {
                lines.add("");
            }
        }
        byte[] text = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        if (tail == null) {
            return text;
        }
        // Byte-level damage: truncate, insert or flip one byte somewhere.
        Mutation last = mutations.get(mutations.size() - 1);
        int at = (int) (last.where() * text.length);
        return switch (last.op()) {
            case 6 -> Arrays.copyOf(text, at);
            case 7 -> {
                byte[] out = new byte[text.length + 1];
                System.arraycopy(text, 0, out, 0, at);
                out[at] = tail[0];
                System.arraycopy(text, at, out, at + 1, text.length - at);
                yield out;
            }
            default -> {
                byte[] out = text.clone();
                if (out.length > 0) {
                    out[Math.min(at, out.length - 1)] ^= (byte) (tail[0] | 1);
                }
                yield out;
            }
        };
    }

    private static List<String> seeds() {
        try (Stream<Path> files = Files.list(Path.of("../manifests"))) {
            return files.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().startsWith("_"))
                    .sorted().map(p -> {
                        try {
                            return Files.readString(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
