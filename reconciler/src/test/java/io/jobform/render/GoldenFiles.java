package io.jobform.render;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Compares text with a checked-in golden file under src/test/resources/golden. Run the tests
 * with {@code -Djobform.updateGolden=true} to rewrite the files, then review the diff in git.
 */
public final class GoldenFiles {

    static final Path DIR = Path.of("src/test/resources/golden");

    private GoldenFiles() {}

    public static void assertMatches(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("jobform.updateGolden")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            fail("golden file " + file + " is missing; run with -Djobform.updateGolden=true to create it");
        }
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            fail(file + " differs (update with -Djobform.updateGolden=true):\n" + firstDifference(expected, actual));
        }
    }

    /** The first differing line with a little context: readable where a whole-file dump is not. */
    static String firstDifference(String expected, String actual) {
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        int i = 0;
        while (i < e.size() && i < a.size() && e.get(i).equals(a.get(i))) {
            i++;
        }
        StringBuilder out = new StringBuilder("first difference at line " + (i + 1) + ":\n");
        for (int k = Math.max(0, i - 3); k < i; k++) {
            out.append("    ").append(e.get(k)).append('\n');
        }
        for (int k = i; k < Math.min(e.size(), i + 3); k++) {
            out.append("  - ").append(e.get(k)).append('\n');
        }
        for (int k = i; k < Math.min(a.size(), i + 3); k++) {
            out.append("  + ").append(a.get(k)).append('\n');
        }
        return out.toString();
    }
}
