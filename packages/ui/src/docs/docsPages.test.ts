import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Storybook is the components' documentation: every component the package exports has a docs
// page beside it, attached to its stories, with the sections a product team looks for.
const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const exported = [
  ...readFileSync(path.join(src, 'index.ts'), 'utf8').matchAll(/\.\/components\/(\w+)\/index\.js/g),
].map((m) => m[1] as string);
const sections = [
  '## What it is for',
  '## Usage',
  '<Controls />',
  "## States: do and don't",
  '## Accessibility',
];

describe('docs pages', () => {
  it('finds the exported components', () => {
    expect(exported).toEqual(expect.arrayContaining(['JobRunCard', 'JobsPanel', 'ActiveJobsMonitor']));
  });

  it.each(exported)('%s has an MDX page attached to its stories, with every section', (name) => {
    const file = path.join(src, 'components', name, `${name}.mdx`);
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(`import * as ${name}Stories from './${name}.stories';`);
    expect(text).toContain(`<Meta of={${name}Stories} />`);
    for (const section of sections) expect(text).toContain(section);
  });

  it('the Introduction covers tokens, light and dark, a brand, and @jobs/live', () => {
    const text = readFileSync(path.join(src, 'docs/Introduction.mdx'), 'utf8');
    for (const topic of [
      '## Tokens and theming',
      'light-dark(',
      'data-theme',
      '**Mapping your brand.**',
      '## Feeding the components from @jobs/live',
    ])
      expect(text).toContain(topic);
  });
});
