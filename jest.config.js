/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // The CLI's tests run bin/hub-intake.cjs, which runs the compiled CLI: build it from the source first.
  globalSetup: '<rootDir>/scripts/build-cli.cjs',
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', transform: { react: { runtime: 'automatic' } } } }],
    // pdfjs-dist ships ES modules only (.mjs), loaded by the PDF reader.
    '^.+\\.mjs$': ['@swc/jest', { jsc: { target: 'es2022' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(postal-mime|@tutao/oxmsg|pdfjs-dist)/)'],
  testTimeout: 30000,
};
