// npm run mutate: Stryker changes src/core's code one small mutation at a time and runs the tests
// that cover it; a mutant no test notices marks behaviour no test checks. Not part of CI (it takes
// a while). One file: npm run mutate -- --mutate src/core/signatories.ts
// MUTATE_TESTS=test/core/deadline.test.ts narrows the tests run (comma-separated): quicker, and
// the score it gives is a lower bound of the whole suite's.
// MUTATE_GROUP=decisions (or forms, templates, docx, readers) runs one part of the core with the
// tests that exercise it: the whole core in one run is about 9,600 mutants, hours on two cores.
const C = 'test/core';
const GROUPS = {
  decisions: {
    mutate: ['check', 'intake', 'reply', 'dates', 'identity', 'issues', 'message', 'text', 'record', 'signatories', 'deadline'].map(
      (f) => `src/core/${f}.ts`,
    ),
    tests: [
      ...['check-document', 'intake', 'reply', 'dates', 'record', 'record-rules', 'values', 'signatories', 'deadline'],
      ...['layout-variants', 'word-structures'],
    ].map((t) => `${C}/${t}.test.ts`),
  },
  forms: {
    mutate: ['src/core/forms/*.ts', 'src/core/catalogue/*.ts'],
    tests: ['check-document', 'catalogue', 'looks-like-form', 'layout-variants', 'word-structures', 'values', 'intake'].map(
      (t) => `${C}/${t}.test.ts`,
    ),
  },
  templates: {
    mutate: ['src/core/templates/*.ts', 'src/core/templates-list.ts'],
    tests: ['filled-form', 'propose', 'unseen-form', 'copied-other-address']
      .map((t) => `${C}/templates/${t}.test.ts`)
      .concat('test/store/form-templates.test.ts'),
  },
  docx: {
    mutate: [
      'src/core/docx/**/*.ts',
      'src/core/documents/{zip,sniff,index,builder,errors}.ts',
      'src/core/bytes.ts',
      'src/core/quickxor.ts',
    ],
    tests: ['docx/xml', 'docx/body-reader', 'docx/package-variants', 'documents/documents', 'word-structures', 'layout-variants']
      .map((t) => `${C}/${t}.test.ts`)
      .concat('test/store/pieces.test.ts'),
  },
  readers: {
    mutate: ['src/core/documents/{doc,rtf,odt,pdf}.ts'],
    tests: [`${C}/documents/formats.test.ts`, `${C}/documents/documents.test.ts`],
  },
};
const group = process.env.MUTATE_GROUP ? GROUPS[process.env.MUTATE_GROUP] : null;
if (process.env.MUTATE_GROUP && !group) throw new Error(`MUTATE_GROUP: one of ${Object.keys(GROUPS).join(', ')}`);
const tests = group
  ? group.tests.map((t) => `<rootDir>/${t}`).concat('<rootDir>/test/samples.test.ts')
  : process.env.MUTATE_TESTS
    ? process.env.MUTATE_TESTS.split(',').map((t) => `<rootDir>/${t}`)
    : null;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  mutate: group?.mutate ?? ['src/core/**/*.ts', '!src/core/**/*.d.ts'],
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
    // Off: jest's roots are test/, so --findRelatedTests cannot follow a test's imports through
    // src/ and finds no test for a file that tests reach only through another (forms/locate.ts
    // through check.ts): its every mutant would "survive" untested. perTest coverage picks the tests.
    enableFindRelatedTests: false,
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
