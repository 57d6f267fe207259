import { printTable, sizes } from './figures';

/** After every reliability file: one table of all figures. */
export default function globalTeardown(): void {
  printTable(
    `Elevate reliability run — ${sizes.conversations} conversations under 20% Graph faults, ` +
      `${sizes.fuzzRuns} fuzzed activities, ${sizes.raceRounds} start-up races, PostgreSQL outage, SIGKILL restart, ` +
      `whole \`npm test\` ${sizes.npmTestRuns} time(s)`,
  );
}
