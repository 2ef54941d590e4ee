// ESLint for the whole project: typescript-eslint with type information, React's hooks rules,
// jsx-a11y for the task pane, and Microsoft's Office add-in rules. Formatting is Prettier's job
// (`npm run format`), so no formatting rule is switched on here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import officeAddins from 'eslint-plugin-office-addins';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'dist-cli/', 'coverage/', 'reports/', '.stryker-tmp/', 'samples/', '.data/', 'test-output/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins },
    // The plugin's own `recommended` config also turns on prettier/prettier and an old parser
    // setup, so its Office.js rules are named here one by one, at the levels it recommends.
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'warn',
      'office-addins/no-empty-load': 'warn',
      'office-addins/no-navigational-load': 'warn',
      'office-addins/no-office-initialize': 'warn',
      'office-addins/test-for-null-using-isNullObject': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      // Tests read the wire's answers (Graph and SharePoint JSON) as untyped data and forge input
      // the types forbid; the assertions are the check, and typing each answer would restate them.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Fakes stand in for asynchronous interfaces: an async function with nothing to await is the
      // plainest way to write one.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['src/taskpane/**/*.{ts,tsx}', 'src/harness/**/*.{ts,tsx}', 'test/taskpane/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['src/taskpane/**/*.tsx', 'src/harness/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    // Plain CommonJS files (the bin, jest's and webpack's configs) are not part of the TypeScript
    // project, so they are linted without type information.
    files: ['**/*.{js,cjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      sourceType: 'commonjs',
      globals: { ...globals.node },
    },
    rules: {
      ...tseslint.configs.disableTypeChecked.rules,
      // CommonJS files load modules with require(); there is no import to prefer.
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // A classic script the task pane's page loads before its bundle.
    files: ['src/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }] },
  },
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { ...globals.node } },
  },
);
