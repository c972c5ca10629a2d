import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANALYZER_VERSION } from '../../src/model/analyzer-version.js';
import { packAnalyzedText } from '../../src/analyze/pack-text.js';
import {
  analysisTokens,
  documentsToAnalyze,
  loadAnalysis,
  removeOrphanAnalyses,
  writeAnalyses,
  type StoredAnalysis,
} from '../../src/store/analyses.js';
import { readDocumentText, writeDocument } from '../../src/store/documents.js';
import { addSource } from '../../src/store/sources.js';
import { makeTempStore } from '../helpers/temp-store.js';

const NOW = '2026-01-01T00:00:00.000Z';

describe('analyses', () => {
  let t: ReturnType<typeof makeTempStore>;
  beforeEach(() => (t = makeTempStore()));
  afterEach(() => t.remove());

  const addPost = (sourceId: string, guid: string, text: string) =>
    writeDocument(t.store, sourceId, { kind: 'post', guid, title: `About ${guid}`, text }, NOW).id;
  const analysed = (id: string, analyzer = ANALYZER_VERSION, tokens = 1): StoredAnalysis => {
    const doc = readDocumentText(t.store, id)!;
    return { docId: id, contentHash: doc.contentHash, analyzer, tokens, data: packAnalyzedText(doc).data };
  };

  it('should list documents with no valid analysis, in id order, and none once written', () => {
    const s = addSource(t.store, 'http://a.example/feed');
    const ids = ['p1', 'p2', 'p3'].map((g) => addPost(s.id, g, `The ${g} text is short.`));
    const sorted = [...ids].sort();
    expect(documentsToAnalyze(t.store, ANALYZER_VERSION)).toEqual(sorted);
    writeAnalyses(t.store, [analysed(ids[0], ANALYZER_VERSION, 5), analysed(ids[1], 'older-analyzer', 7)]);
    expect(documentsToAnalyze(t.store, ANALYZER_VERSION)).toEqual([ids[1], ids[2]].sort());
    expect(analysisTokens(t.store)).toBe(12);
    // An edit makes the stored analysis stale.
    writeDocument(t.store, s.id, { kind: 'post', guid: 'p1', title: 'About p1', text: 'Edited text.' }, NOW);
    expect(documentsToAnalyze(t.store, ANALYZER_VERSION)).toEqual(sorted);
    // Rewriting replaces the document's analysis.
    writeAnalyses(t.store, ids.map((id) => analysed(id, ANALYZER_VERSION, 2)));
    expect(documentsToAnalyze(t.store, ANALYZER_VERSION)).toEqual([]);
    expect(analysisTokens(t.store)).toBe(6);
  });

  it('should write a batch all or nothing', () => {
    const s = addSource(t.store, 'http://a.example/feed');
    const id = addPost(s.id, 'p1', 'Some text here.');
    const orphan: StoredAnalysis = { docId: 'd-not-stored', contentHash: 'x', analyzer: ANALYZER_VERSION, tokens: 9, data: '' };
    expect(() => writeAnalyses(t.store, [analysed(id, ANALYZER_VERSION, 3), orphan])).toThrow(/FOREIGN KEY/);
    expect(analysisTokens(t.store)).toBe(0);
    expect(documentsToAnalyze(t.store, ANALYZER_VERSION)).toEqual([id]);
  });

  it('should remove analyses whose document is gone and count them', () => {
    const s = addSource(t.store, 'http://a.example/feed');
    const keep = addPost(s.id, 'keep', 'Kept text.');
    const gone = addPost(s.id, 'gone', 'Gone text.');
    writeAnalyses(t.store, [analysed(keep, ANALYZER_VERSION, 2), analysed(gone, ANALYZER_VERSION, 4)]);
    expect(removeOrphanAnalyses(t.store)).toBe(0);
    // A database written without foreign keys enforced can hold analyses of deleted documents.
    t.store.pragma('foreign_keys = OFF');
    t.store.prepare('DELETE FROM documents WHERE id = ?').run(gone);
    t.store.pragma('foreign_keys = ON');
    expect(analysisTokens(t.store)).toBe(6);
    expect(removeOrphanAnalyses(t.store)).toBe(1);
    expect(analysisTokens(t.store)).toBe(2);
  });

  it('should load written analyses back, current ones only, filtered by source', () => {
    const a = addSource(t.store, 'http://a.example/feed');
    const b = addSource(t.store, 'http://b.example/feed');
    const pa = addPost(a.id, 'pa', 'The river runs fast.');
    const pb = addPost(b.id, 'pb', 'The hills are green.');
    const stale = addPost(b.id, 'stale', 'Old words here.');
    writeAnalyses(t.store, [analysed(pa, ANALYZER_VERSION, 4), analysed(pb, ANALYZER_VERSION, 4), analysed(stale, 'older-analyzer', 3)]);
    const all = loadAnalysis(t.store);
    expect(all.documents.map((d) => d.docId)).toEqual([pa, pb].sort());
    const onlyA = loadAnalysis(t.store, { sourceIds: [a.id] });
    expect(onlyA.documents).toHaveLength(1);
    expect(onlyA.documents[0]).toMatchObject({ docId: pa, sourceId: a.id, kind: 'post', tokens: 4 });
    expect(onlyA.documents[0].sentences.flatMap((s) => s.words)).toEqual(['The', 'river', 'runs', 'fast', '.']);
    expect(onlyA.documents[0].title?.words).toEqual(['About', 'pa']);
  });
});
