// Validates state machine definitions with asl-validator.
// stdin: [{id, definition}]  stdout: [{id, isValid, errors}]
import { createRequire } from 'node:module';

// asl-validator builds a new Ajv instance, with the same schemas and formats, for every
// definition, and compiling them takes seconds. Hand it one instance for all definitions:
// the checks are the same, only the compiled schema is reused.
const requireFromValidator = createRequire(createRequire(import.meta.url).resolve('asl-validator'));
const ajvModule = requireFromValidator('ajv');
const Ajv = ajvModule.default;
let shared;
ajvModule.default = function SharedAjv(options) {
  shared ??= new Ajv(options);
  return shared;
};
const formatsModule = requireFromValidator('ajv-formats');
const addFormats = formatsModule.default;
const prepared = new WeakSet();
formatsModule.default = (ajv, options) => {
  if (!prepared.has(ajv)) {
    prepared.add(ajv);
    addFormats(ajv, options);
  }
  return ajv;
};
const aslValidator = requireFromValidator('asl-validator');

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const items = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const results = items.map(({ id, definition }) => {
  const { isValid, errorsText } = aslValidator(definition);
  return { id, isValid, errors: isValid ? '' : errorsText('\n') };
});
process.stdout.write(JSON.stringify(results));
