/**
 * Child process for the cross-process migration test. Arguments: the compiled create-store.js
 * and a SQLite file. Loads everything, prints "ready", waits for a line on stdin (the parent
 * releases all children at once, so their migrations really overlap), then opens a store on the
 * file (running migrations, as every instance does at start), pings it and exits 0. Any error
 * goes to stderr with exit code 1.
 */
const [createStorePath, sqlitePath] = process.argv.slice(2);
const { createStore } = require(createStorePath);

process.stdout.write('ready\n');
process.stdin.once('data', () => {
  process.stdin.pause();
  (async () => {
    const store = await createStore({ sqlitePath });
    await store.ping();
    await store.close();
  })().catch((error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exit(1);
  });
});
