/**
 * `npm run test:reliability`: Graph faults, fuzz, start-up races, a PostgreSQL outage and the whole
 * `npm test` repeated, with one table of figures (test/reliability; global-teardown prints it).
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/reliability'],
  testMatch: ['**/*.reliability.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: { '^adaptivecards$': 'adaptivecards/dist/adaptivecards.js' },
  globalSetup: '<rootDir>/test/reliability/global-setup.ts',
  globalTeardown: '<rootDir>/test/reliability/global-teardown.ts',
  testTimeout: 600000,
  maxWorkers: 1,
};
