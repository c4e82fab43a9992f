// Runs state machines in aws-local-stepfunctions with scripted Task results; the one driver of
// both differential suites (StateMachineConformanceIT, RunBehaviourIT, ConcurrencyGateIT).
// stdin: [{id, definition, input, context, validate?, script: {StateName: [{Output}|{Error, Cause}|{Never: true}]}}]
//   validate: true checks the definition with the package's own validator (paths and ARNs) first.
// stdout: [{id, status, output?, error?, cause?, visited: [state names in entry order],
//           calls: {StateName: [the input of each scripted call, in order]}}]
// Every Task state answers from the script (the last entry repeats): nothing reaches AWS.
import jsonata from 'jsonata';

// aws-local-stepfunctions 3.0.0 uses Promise.withResolvers (Node 22); Node 20 lacks it.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  };
}
// A Task state's default TimeoutSeconds (99999999 s) does not fit Node's 32-bit timer and
// would fire after 1 ms; clamp timers to the largest delay Node accepts.
const realSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = (fn, ms, ...args) => realSetTimeout(fn, Math.min(ms ?? 0, 2147483647), ...args);

const { StateMachine, ExecutionError, ExecutionTimeoutError } = await import('aws-local-stepfunctions');

function fail(name, message) {
  const e = new Error(message);
  e.name = name;
  return e;
}

// aws-local-stepfunctions 3.0.0 has no JSONata. A JSONata Choice state becomes a Task state of the
// same name whose handler evaluates the Conditions with the jsonata package (the reference
// implementation) and raises a marker error; Catchers with ResultPath null move on with the
// state's input unchanged, as the Choice state would. Retries and Wait states take no time here,
// so every state is entered at the execution's start: EnteredTime is Execution.StartTime from the
// given Context object (as on the emulator's simulated clock), which makes time checks repeatable.
function rewriteJsonataChoices(states, handlers, context) {
  for (const [name, state] of Object.entries(states)) {
    if (state.Type === 'Map') {
      rewriteJsonataChoices((state.ItemProcessor ?? state.Iterator).States, handlers, context);
    }
    if (state.Type === 'Parallel') {
      state.Branches.forEach((b) => rewriteJsonataChoices(b.States, handlers, context));
    }
    if (state.Type !== 'Choice' || state.QueryLanguage !== 'JSONata') {
      continue;
    }
    const rules = state.Choices;
    const catchers = rules.map((r, i) => ({ ErrorEquals: [`Harness.Choice.${i}`], ResultPath: null, Next: r.Next }));
    if (state.Default) {
      catchers.push({ ErrorEquals: ['Harness.Choice.Default'], ResultPath: null, Next: state.Default });
    }
    states[name] = { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:jsonata-choice', Catch: catchers, End: true };
    handlers[name] = async (input) => {
      const entered = context?.Execution?.StartTime ?? new Date().toISOString();
      const enteredContext = { ...context, State: { Name: name, EnteredTime: entered, RetryCount: 0 } };
      for (let i = 0; i < rules.length; i++) {
        const text = rules[i].Condition.trim();
        let value;
        try {
          value = await jsonata(text.slice(2, -2)).evaluate(null, { states: { input, context: enteredContext } });
        } catch (e) {
          throw fail('States.QueryEvaluationError', String(e.message ?? e));
        }
        if (typeof value !== 'boolean') {
          throw fail('States.QueryEvaluationError', `Condition returned ${JSON.stringify(value)}, not a boolean`);
        }
        if (value) {
          throw fail(`Harness.Choice.${i}`, 'matched');
        }
      }
      if (!state.Default) {
        throw fail('States.NoChoiceMatched', `No Choice Rules matched in '${name}'`);
      }
      throw fail('Harness.Choice.Default', 'default');
    };
  }
}

function scriptedHandlers(states, script, handlers, calls) {
  const used = {};
  const visit = (all) => {
    for (const [name, state] of Object.entries(all)) {
      if (state.Type === 'Map') visit((state.ItemProcessor ?? state.Iterator).States);
      if (state.Type === 'Parallel') state.Branches.forEach((b) => visit(b.States));
      if (state.Type !== 'Task' || handlers[name]) continue;
      handlers[name] = (input) => {
        (calls[name] = calls[name] ?? []).push(input);
        const entries = script[name];
        if (!entries || entries.length === 0) throw fail('States.Runtime', `No scripted result for the Task state '${name}'`);
        const n = used[name] = (used[name] ?? -1) + 1;
        const entry = entries[Math.min(n, entries.length - 1)];
        if (entry.Never) return new Promise(() => {});
        if ('Error' in entry) throw fail(entry.Error, entry.Cause);
        return entry.Output;
      };
    }
  };
  visit(states);
}

// Retry intervals and Wait states take no wall time here (the emulator moves its own clock):
// the rendered run branch waits between attempts with Wait states.
function retriesWithoutWaiting(states, overrides, waits) {
  for (const [name, state] of Object.entries(states)) {
    if (state.Retry) overrides[name] = 0;
    if (state.Type === 'Wait') waits[name] = 0;
    if (state.Type === 'Map') retriesWithoutWaiting((state.ItemProcessor ?? state.Iterator).States, overrides, waits);
    if (state.Type === 'Parallel') state.Branches.forEach((b) => retriesWithoutWaiting(b.States, overrides, waits));
  }
}

const machines = new Map();

async function runOne(c) {
  const definition = structuredClone(c.definition);
  const handlers = {};
  const calls = {};
  rewriteJsonataChoices(definition.States, handlers, c.context);
  scriptedHandlers(definition.States, c.script ?? {}, handlers, calls);
  const retryIntervalOverrides = {};
  const waitTimeOverrides = {};
  retriesWithoutWaiting(definition.States, retryIntervalOverrides, waitTimeOverrides);
  // Validation compiles a JSON schema per machine (seconds each): a caller that checks its
  // definitions with asl-validator (validate.mjs) turns it off. One machine per definition.
  const validationOptions = c.validate ? { checkPaths: true, checkArn: true } : { noValidate: true };
  const key = JSON.stringify([definition, validationOptions]);
  let machine = machines.get(key);
  if (!machine) {
    machine = new StateMachine(definition, { validationOptions });
    machines.set(key, machine);
  }
  const execution = machine.run(c.input, { overrides: { taskResourceLocalHandlers: handlers, retryIntervalOverrides, waitTimeOverrides }, context: c.context });
  const visited = [];
  const collecting = (async () => {
    for await (const event of execution.eventLogs) {
      if (event.type === 'StateEntered') visited.push(event.state.name);
    }
  })();
  let outcome;
  try {
    outcome = { status: 'SUCCEEDED', output: await execution.result };
  } catch (e) {
    if (e instanceof ExecutionTimeoutError) {
      outcome = { status: 'TIMED_OUT', error: 'States.Timeout' };
    } else if (e instanceof ExecutionError) {
      outcome = { status: 'FAILED', error: e.cause?.name, cause: e.cause?.message };
    } else {
      outcome = { status: 'HARNESS_ERROR', error: e.name, cause: String(e.message) };
    }
  }
  await Promise.race([collecting, new Promise((r) => realSetTimeout(r, 200))]);
  return { id: c.id, ...outcome, visited, calls };
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const cases = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const results = [];
for (const c of cases) {
  results.push(await runOne(c));
}
// Executions that never end leave timers behind: exit once the answer is written.
process.stdout.write(JSON.stringify(results), () => process.exit(0));
