// One style for every layer (the emulator, the handler, the construct, the tests): eslint's and
// typescript-eslint's recommended rules, with formatting left to prettier (`npm run lint`).
'use strict';
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const prettier = require('eslint-config-prettier');

module.exports = tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.cache/', 'cdktf.out/', 'coverage/', 'lib/**/*.js', 'lib/**/*.d.ts', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
        URL: 'readonly',
      },
    },
    rules: {
      // Unused names are a compile error already (noUnusedLocals); `_`-prefixed ones are deliberate.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'eqeqeq': ['error', 'always'],
      'no-console': 'error',
    },
  },
  {
    // lib/construct/cdk.ts is the framework seam: the CDK Terrain flavour swaps only that file.
    files: ['lib/**/*.ts'],
    ignores: ['lib/construct/cdk.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'cdktf', message: 'Import the framework from lib/construct/cdk.ts (the seam the cdktn flavour swaps).' }] },
      ],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    // JSON bodies read back from the emulator are untyped on purpose, and tests load the plain
    // JavaScript build scripts and tools with require().
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
);
