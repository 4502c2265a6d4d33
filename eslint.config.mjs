// ESLint (flat config) with typescript-eslint's type-aware rules. Run by `npm test` (`npm run lint`).
// The rules that matter here: exhaustive switches over the protocol's unions, consistent type
// imports (so esbuild drops type-only imports), no floating promises in the host.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'out/**',
      '.vscode-test/**',
      'test/fixtures/**',
      'demo/**',
      'test/e2e/workspace/**',
      'bench/results.json',
      'bench/tmp/**',
      'test/e2e/screenshots/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Trace text is inert in VS Code's own surfaces (issue: a `command:` link in a tool name ran a
    // shell command from a notification). The raw calls that render links or codicons live only
    // in src/nativeUi/, whose wrappers take NativeText (src/core/text/nativeText.ts).
    files: ['src/**/*.ts'],
    ignores: ['src/nativeUi/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(showInformationMessage|showWarningMessage|showErrorMessage|showQuickPick|createQuickPick|withProgress|setStatusBarMessage)$/]',
          message: 'Use the NativeText wrappers in src/nativeUi/surfaces.ts: VS Code renders links and codicons in this text.',
        },
        {
          selector: 'NewExpression[callee.property.name=/^(TreeItem|CodeLens)$/]',
          message: 'Use treeItem()/codeLens() from src/nativeUi/surfaces.ts so labels, descriptions and titles are NativeText.',
        },
        {
          selector: 'AssignmentExpression[left.property.name=/^(label|description|tooltip|detail|text|title)$/]',
          message: 'Set visible strings of VS Code items through src/nativeUi/surfaces.ts (NativeText only).',
        },
      ],
    },
  },
  {
    // Tests spoil arbitrary fields of valid shapes to check the validators.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Page scripts evaluated in the browser by the dev harness and the bench.
    files: ['test/webview-dev/*.mjs', 'bench/**/*.mjs'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', sessionStorage: 'readonly', performance: 'readonly' } },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' },
    },
  },
);
