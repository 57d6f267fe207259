/**
 * Child process for the cross-process migration test: opens a store on the SQLite file given as
 * argv[2] (running migrations, as every instance does at start), pings it and exits 0; any error
 * goes to stderr with exit code 1. TypeScript sources are transpiled on the fly (no build needed).
 */
const fs = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
    fileName: filename,
  });
  module._compile(outputText, filename);
};

const { createStore } = require('../../src/adapters/store/create-store.ts');

(async () => {
  const store = await createStore({ sqlitePath: process.argv[2] });
  await store.ping();
  await store.close();
})().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
