import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatOfExtension } from '../../src/supplied/detect-format.js';
import { toTitledText } from '../../src/supplied/to-titled-text.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/supplied/${name}`, import.meta.url), 'utf8');

describe('toTitledText', () => {
  for (const name of ['post.md', 'page.html', 'notes.txt']) {
    it(`should read ${name} as in ${name}.json`, () => {
      const format = formatOfExtension(name.slice(name.lastIndexOf('.')))!;
      expect(toTitledText({ name, format, content: fixture(name) })).toEqual(JSON.parse(fixture(`${name}.json`)));
    });
  }
});
