// Runs state machines in aws-local-stepfunctions with scripted Task outcomes.
// stdin: an array of {definition, input, context, script: {StateName: [{result} | {error, cause}, ...]}}
// stdout: an array of {status, error, cause, output, events: [{type, state, parent, error, cause}], calls: {StateName: [input, ...]}}
// Every Task state must be scripted: nothing reaches AWS. The last outcome of a list repeats.
if (typeof Promise.withResolvers !== 'function') {
  // Node 20 lacks Promise.withResolvers, which aws-local-stepfunctions 3.0.0 uses.
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  };
}
const { StateMachine } = await import('aws-local-stepfunctions');

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const requests = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const machines = new Map();
const results = [];
for (const request of requests) {
  results.push(await runOne(request));
}
process.stdout.write(JSON.stringify(results));

async function runOne(request) {

  const calls = {};
  const handlers = {};
  const taskStates = [];
  const waitStates = [];
  collect(request.definition);
  function collect(machine) {
    for (const [name, state] of Object.entries(machine.States)) {
      if (state.Type === 'Task') taskStates.push(name);
      if (state.Type === 'Wait') waitStates.push(name);
      (state.Branches || []).forEach(collect);
      if (state.ItemProcessor) collect(state.ItemProcessor);
    }
  }
  for (const name of taskStates) {
    handlers[name] = async (input) => {
      const made = (calls[name] = calls[name] || []);
      made.push(input);
      const outcomes = (request.script || {})[name];
      if (!outcomes || outcomes.length === 0) {
        throw Object.assign(new Error(`no scripted outcome for Task state ${name}`), { name: 'Harness.Unscripted' });
      }
      const outcome = outcomes[Math.min(made.length, outcomes.length) - 1];
      if (outcome.error !== undefined) {
        const error = new Error(outcome.cause ?? '');
        error.name = outcome.error;
        throw error;
      }
      return outcome.result;
    };
  }
  const zero = (names) => Object.fromEntries(names.map((n) => [n, 0]));
  // Validating a definition costs far more than running it: one machine per distinct definition.
  const key = JSON.stringify(request.definition);
  if (!machines.has(key)) {
    machines.set(key, new StateMachine(request.definition, { validationOptions: { checkPaths: true, checkArn: true } }));
  }
  const machine = machines.get(key);
  const execution = machine.run(request.input, {
    overrides: {
      taskResourceLocalHandlers: handlers,
      waitTimeOverrides: zero(waitStates),
      retryIntervalOverrides: zero(taskStates.concat(Object.keys(request.definition.States))),
    },
    context: request.context,
    noThrowOnAbort: true,
  });
  const out = { calls };
  try {
    out.output = await execution.result;
    out.status = 'SUCCEEDED';
  } catch (e) {
    out.status = e.name === 'ExecutionTimeoutError' ? 'TIMED_OUT' : 'FAILED';
  }
  out.events = [];
  for await (const event of execution.eventLogs) {
    out.events.push(flatten(event));
    if (event.type === 'ExecutionFailed') {
      // The thrown error wraps the Fail state's; the event carries its Error and Cause.
      out.error = event.Error;
      out.cause = event.Cause;
    }
  }
  function flatten(event) {
    return {
      type: event.type,
      state: event.state ? event.state.name : null,
      parent: event.parentState ? event.parentState.name : null,
      error: event.Error ?? null,
      cause: event.Cause ?? null,
    };
  }
  return out;
}
