package io.jobform.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoldenFilesTest {

    @Test
    void diffNamesTheFirstDifferingLine() {
        String diff = GoldenFiles.firstDifference("a\nb\nc\n", "a\nB\nc\n");
        assertThat(diff).contains("line 2").contains("  - b").contains("  + B").contains("    a");
    }
}
