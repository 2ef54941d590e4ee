// npm run mutate: Stryker changes src/core's code one small mutation at a time and runs the tests
// that cover it; a mutant no test notices marks behaviour no test checks. Not part of CI (it takes
// a while). One file: npm run mutate -- --mutate src/core/signatories.ts
// MUTATE_TESTS=test/core/deadline.test.ts narrows the tests run (comma-separated): quicker, and
// the score it gives is a lower bound of the whole suite's.
const tests = process.env.MUTATE_TESTS ? process.env.MUTATE_TESTS.split(',').map((t) => `<rootDir>/${t}`) : null;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  mutate: ['src/core/**/*.ts', '!src/core/**/*.d.ts'],
  jest: {
    configFile: 'jest.config.js',
    // Only the tests of the core and the samples: the others (store, CLI, pane) either do not run
    // the core or run it in another process, where Stryker cannot see which mutant is active.
    config: {
      // null, not undefined: the options reach the test runner processes as JSON, which drops undefined,
      // and the CLI build in globalSetup would then run before every mutant.
      globalSetup: null,
      testMatch: tests ?? ['<rootDir>/test/core/**/*.test.ts', '<rootDir>/test/samples.test.ts'],
    },
    enableFindRelatedTests: true,
  },
  coverageAnalysis: 'perTest',
  // The machine is shared: two test processes at most.
  concurrency: 2,
  timeoutMS: 20000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  thresholds: { high: 90, low: 85, break: null },
  ignorePatterns: ['dist', 'dist-cli', 'coverage', 'reports', '.data', 'test-output'],
};
