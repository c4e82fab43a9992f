package io.jobform.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The check {@code jobform sync} uses while the full validator is not part of this build:
 * every manifest must be well-formed YAML without duplicate keys. Findings name
 * {@code file:line:column}.
 */
public final class YamlSyntaxCheck implements ManifestCheck {

    @Override
    public Result check(Path dir, String instance) throws IOException {
        List<LocalFile> files = LocalManifests.scan(dir, "");
        List<String> lines = new ArrayList<>();
        LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(false).setMaxAliasesForCollections(50).build();
        for (LocalFile file : files) {
            String text = new String(Files.readAllBytes(file.path()), StandardCharsets.UTF_8);
            try {
                new Load(settings).loadAllFromString(text).forEach(document -> { });
            } catch (MarkedYamlEngineException e) {
                int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(1);
                int column = e.getProblemMark().map(m -> m.getColumn() + 1).orElse(1);
                lines.add(file.path() + ":" + line + ":" + column + ": error: " + e.getProblem());
            } catch (YamlEngineException e) {
                lines.add(file.path() + ":1:1: error: " + e.getMessage().lines().findFirst().orElse("invalid YAML"));
            }
        }
        return new Result(lines.isEmpty(), files.size(), lines);
    }
}
