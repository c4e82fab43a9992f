package io.jobform.manifest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlVersionException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads manifest bytes into YAML documents with source positions, enforcing {@link YamlLimits}.
 * Never throws for bad input: every problem becomes a Violation with {@code file:line:column}.
 */
public final class ManifestLoader {

    private final YamlLimits limits;

    public ManifestLoader(YamlLimits limits) {
        this.limits = limits;
    }

    public ManifestLoader() {
        this(YamlLimits.DEFAULT);
    }

    public LoadedFile load(ManifestFile file) {
        String key = file.key();
        if (Math.max(file.size(), file.content().length) > limits.maxBytes()) {
            return failed(key, SourcePosition.startOf(key), "file is " + Math.max(file.size(), file.content().length)
                    + " bytes; manifests are limited to " + limits.maxBytes() + " bytes (256 KiB)");
        }
        Decoded decoded = decode(key, file.content());
        if (decoded.error().isPresent()) {
            return new LoadedFile(key, List.of(), List.of(decoded.error().get()));
        }
        String text = decoded.text();
        try {
            Optional<Violation> shape = checkEvents(key, text);
            if (shape.isPresent()) {
                return new LoadedFile(key, List.of(), List.of(shape.get()));
            }
            return compose(key, text);
        } catch (MarkedYamlEngineException e) {
            Optional<String> unclosed = unclosed(e.getContext());
            if (unclosed.isPresent() && e.getContextMark().isPresent()) {
                // Reported where the fix goes, where the quote or bracket opens, not where the parser gave up.
                String gaveUp = e.getProblemMark().map(m -> " at " + (m.getLine() + 1) + ":" + (m.getColumn() + 1))
                        .orElse("");
                return failed(key, position(key, e.getContextMark().get()), "malformed YAML: " + unclosed.get()
                        + " opened here is not closed (" + firstLine(e.getProblem()) + gaveUp + ")");
            }
            SourcePosition at = e.getProblemMark().or(e::getContextMark).map(m -> position(key, m))
                    .orElse(SourcePosition.startOf(key));
            String context = e.getContextMark().filter(m -> e.getContext() != null)
                    .map(m -> " (" + e.getContext() + " at " + (m.getLine() + 1) + ":" + (m.getColumn() + 1) + ")")
                    .orElse("");
            return failed(key, at, "malformed YAML: " + firstLine(e.getProblem()) + context);
        } catch (ReaderException e) {
            // Unmarked by snakeyaml: its position is a code point index into the text.
            return failed(key, codePointPosition(key, text, e.getPosition()), String.format(
                    "malformed YAML: character U+%04X is not allowed in YAML", e.getCodePoint()));
        } catch (YamlVersionException e) {
            java.util.regex.Matcher directive = java.util.regex.Pattern.compile("(?m)^%YAML").matcher(text);
            int at = directive.find() ? text.codePointCount(0, directive.start()) : 0;
            return failed(key, codePointPosition(key, text, at),
                    "malformed YAML: unsupported %YAML directive; use %YAML 1.2 or leave the directive out");
        } catch (YamlEngineException e) {
            return failed(key, SourcePosition.startOf(key), "malformed YAML: " + firstLine(e.getMessage()));
        }
    }

    /** The construct snakeyaml was inside when the text ran out of a closing quote or bracket. */
    private static Optional<String> unclosed(String context) {
        if (context == null) {
            return Optional.empty();
        }
        if (context.startsWith("while scanning a quoted scalar")) {
            return Optional.of("the quoted string");
        }
        if (context.startsWith("while parsing a flow mapping")) {
            return Optional.of("the flow mapping '{'");
        }
        if (context.startsWith("while parsing a flow sequence")) {
            return Optional.of("the flow sequence '['");
        }
        return Optional.empty();
    }

    private static SourcePosition codePointPosition(String key, String text, int codePoints) {
        int line = 1;
        int column = 1;
        int index = 0;
        for (int seen = 0; seen < codePoints && index < text.length(); seen++) {
            int c = text.codePointAt(index);
            index += Character.charCount(c);
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new SourcePosition(key, line, column);
    }

    private LoadedFile compose(String key, String text) {
        LoadSettings settings = settings(key);
        Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
        List<YamlDocument> documents = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        while (composer.hasNext()) {
            Node node = composer.next();
            YamlTreeBuilder.Built built = new YamlTreeBuilder(key, limits).build(node);
            built.document().ifPresent(documents::add);
            violations.addAll(built.problems());
        }
        if (documents.isEmpty() && violations.isEmpty()) {
            violations.add(Violation.error(SourcePosition.startOf(key), "", "", "file contains no YAML document"));
        }
        return new LoadedFile(key, documents, violations);
    }

    /** Streams the events once to bound nesting and aliases before anything is built. */
    private Optional<Violation> checkEvents(String key, String text) {
        LoadSettings settings = settings(key);
        ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
        int depth = 0;
        int aliases = 0;
        while (parser.hasNext()) {
            Event event = parser.next();
            if (event instanceof CollectionStartEvent) {
                depth++;
                if (depth > limits.maxDepth()) {
                    return Optional.of(Violation.error(at(key, event), "", "",
                            "nesting deeper than " + limits.maxDepth() + " levels"));
                }
            } else if (event instanceof CollectionEndEvent) {
                depth--;
            } else if (event instanceof AliasEvent) {
                aliases++;
                if (aliases > limits.maxAliases()) {
                    return Optional.of(Violation.error(at(key, event), "", "",
                            "more than " + limits.maxAliases() + " alias references (possible alias bomb)"));
                }
            }
        }
        return Optional.empty();
    }

    private LoadSettings settings(String key) {
        return LoadSettings.builder()
                .setLabel(key)
                .setSchema(new CoreSchema()) // YAML 1.2: `no`, `on`, `yes` stay strings
                .setMaxAliasesForCollections(limits.maxAliases())
                .setAllowRecursiveKeys(false)
                .setCodePointLimit(limits.maxBytes() + 1)
                .setUseMarks(true)
                .build();
    }

    private static SourcePosition at(String key, Event event) {
        return event.getStartMark().map(m -> position(key, m)).orElse(SourcePosition.startOf(key));
    }

    static SourcePosition position(String key, Mark mark) {
        return new SourcePosition(key, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private record Decoded(String text, Optional<Violation> error) {}

    /** Strict UTF-8: a manifest with invalid bytes is rejected where the first one sits. */
    private static Decoded decode(String key, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            String before = new String(bytes, 0, in.position(), StandardCharsets.UTF_8);
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            int column = before.length() - before.lastIndexOf('\n');
            return new Decoded("", Optional.of(Violation.error(new SourcePosition(key, line, column), "", "",
                    "file is not valid UTF-8 (invalid byte at offset " + in.position() + ")")));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return new Decoded(text.startsWith("\uFEFF") ? text.substring(1) : text, Optional.empty());
    }

    private static LoadedFile failed(String key, SourcePosition at, String message) {
        return new LoadedFile(key, List.of(), List.of(Violation.error(at, "", "", message)));
    }

    private static String firstLine(String message) {
        String m = message == null ? "unreadable" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
