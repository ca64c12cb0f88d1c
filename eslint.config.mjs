import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'storybook-static/**', 'custom-elements.json', '**/*.generated.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Data is text: these sinks never see data (see the before-stop hook too).
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Data is text: build DOM nodes or lit templates.' },
        { property: 'outerHTML', message: 'Data is text: build DOM nodes or lit templates.' },
        { property: 'insertAdjacentHTML', message: 'Data is text: build DOM nodes or lit templates.' },
      ],
      // No inline style attribute: pages under `style-src 'self'` refuse them. Classes, or the
      // CSSOM (`styleProps` from ui, `el.style.setProperty`).
      'no-restricted-syntax': [
        'error',
        {
          selector: "TaggedTemplateExpression[tag.name=/^(html|svg)$/] TemplateElement[value.raw=/\\sstyle=/]",
          message: 'No inline style attribute (style-src): a class, or ${styleProps({…})} from @culture-widgets/ui.',
        },
        {
          selector: "CallExpression[callee.property.name='setAttribute'][arguments.0.value='style']",
          message: 'No inline style attribute (style-src): a class, or el.style.setProperty().',
        },
      ],
      'no-restricted-imports': [
        'error',
        { name: 'lit/directives/style-map.js', message: 'styleMap writes a style attribute on first render (style-src): use styleProps from @culture-widgets/ui.' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**', 'bench/**', 'scripts/**', 'stories/**'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off', '@typescript-eslint/no-explicit-any': 'off', 'no-restricted-syntax': 'off', 'no-restricted-imports': 'off' },
  },
);
