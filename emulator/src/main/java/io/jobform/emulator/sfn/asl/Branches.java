package io.jobform.emulator.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * Parallel and inline Map states. Branches and iterations are computed one after another on
 * simulated time: each Parallel branch starts when the state does, a Map iteration when one of
 * its MaxConcurrency slots is free (0 = all at once). The state ends when the last one ends; the
 * first failure in time fails the state with that error ("Parallel workflow state", "Map state
 * in inline mode").
 */
final class Branches {
    private final Interpreter it;

    Branches(Interpreter it) {
        this.it = it;
    }

    Interpreter.Step run(String name, JsonNode state, JsonNode raw, Instant entered) {
        if (it.jsonata(state)) {
            throw StatesError.runtime("JSONata Map and Parallel states are not supported by the emulator");
        }
        String type = state.path("Type").asText();
        return Handled.run(it, name, state, raw, entered, (at, retries) -> {
            JsonNode context = it.execution.contextObject(name, at, retries);
            JsonNode input = DataFlow.inputPath(state, raw, context);
            ArrayNode results = JsonPaths.mapper().createArrayNode();
            Instant end = type.equals("Map") ? map(name, state, input, context, at, results)
                    : parallel(state, input, context, at, results);
            JsonNode selected = state.has("ResultSelector")
                    ? Payloads.resolve(state.get("ResultSelector"), results, context, it.random) : results;
            try {
                JsonNode out = DataFlow.outputPath(state, DataFlow.resultPath(state, raw, selected), context);
                return Interpreter.exit(it, type, name, state, out, end);
            } catch (StatesError e) {
                throw new Interpreter.Fault(e, end);
            }
        });
    }

    private Instant parallel(JsonNode state, JsonNode input, JsonNode context, Instant at, ArrayNode results) {
        JsonNode effective = state.has("Parameters") ? Payloads.resolve(state.get("Parameters"), input, context, it.random)
                : input;
        it.timeline.add(at, "ParallelStateStarted");
        Instant end = at;
        Interpreter.Fault first = null;
        for (JsonNode branch : state.path("Branches")) {
            try {
                Interpreter.Step s = it.machine(branch, branch.path("StartAt").asText(), effective, at, false);
                results.add(s.output());
                end = s.at().isAfter(end) ? s.at() : end;
            } catch (Interpreter.Fault f) {
                first = first == null || f.at.isBefore(first.at) ? f : first;
            }
        }
        if (first != null) {
            failed("ParallelStateFailed", first);
        }
        it.timeline.add(end, "ParallelStateSucceeded");
        return end;
    }

    private Instant map(String name, JsonNode state, JsonNode input, JsonNode context, Instant at, ArrayNode results) {
        JsonNode items = state.has("ItemsPath") ? JsonPaths.read(state.get("ItemsPath").asText(), input, context) : input;
        if (!items.isArray()) {
            throw StatesError.runtime("The Map state's items must be an array, not " + Jsons.cut(items));
        }
        JsonNode processor = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.path("Iterator");
        JsonNode selector = state.has("ItemSelector") ? state.get("ItemSelector") : state.get("Parameters");
        int slots = state.path("MaxConcurrency").asInt(0);
        it.timeline.add(at, "MapStateStarted", "mapStateStartedEventDetails").put("length", items.size());
        PriorityQueue<Instant> busy = new PriorityQueue<>();
        Instant end = at;
        for (int i = 0; i < items.size(); i++) {
            Instant start = at;
            if (slots > 0 && busy.size() >= slots) {
                Instant free = busy.poll();
                start = free.isAfter(at) ? free : at;
            }
            JsonNode itemInput = items.get(i);
            if (selector != null) {
                ObjectNode itemContext = context.deepCopy();
                itemContext.putObject("Map").putObject("Item").put("Index", i).set("Value", items.get(i));
                itemInput = Payloads.resolve(selector, input, itemContext, it.random);
            }
            it.timeline.add(start, "MapIterationStarted", "mapIterationStartedEventDetails").put("name", name).put("index", i);
            try {
                Interpreter.Step s = it.machine(processor, processor.path("StartAt").asText(), itemInput, start, false);
                it.timeline.add(s.at(), "MapIterationSucceeded", "mapIterationSucceededEventDetails").put("name", name)
                        .put("index", i);
                results.add(s.output());
                busy.add(s.at());
                end = s.at().isAfter(end) ? s.at() : end;
            } catch (Interpreter.Fault f) {
                it.timeline.add(f.at, "MapIterationFailed", "mapIterationFailedEventDetails").put("name", name).put("index", i);
                failed("MapStateFailed", f);
            }
        }
        it.timeline.add(end, "MapStateSucceeded");
        return end;
    }

    private void failed(String type, Interpreter.Fault f) {
        it.timeline.add(f.at, type);
        throw new Interpreter.Fault(f.error, f.at);
    }
}
