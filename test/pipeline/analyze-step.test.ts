import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyzeStore } from '../../src/pipeline/analyze-step.js';
import { loadAnalysis } from '../../src/store/analyses.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { insertSource, upsertDocument } from '../fixtures/weight/seed-store.js';

let dir: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'webx-analyze-'));
  store = openStore(join(dir, 'webxcreta.db'));
  insertSource(store, 'a');
  insertSource(store, 'b');
  for (let i = 1; i <= 5; i++) {
    upsertDocument(store, { id: `a${i}`, sourceId: 'a', title: `Post ${i}`, text: `The cat sat on mat ${i}. It purred.` });
  }
  upsertDocument(store, { id: 'b1', sourceId: 'b', title: 'Hello', text: 'Dogs run fast.' });
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('analyzeStore', () => {
  it('should tag every document on the first run', () => {
    expect(analyzeStore(store)).toEqual({ analyzed: 6, reused: 0, removed: 0, tokens: 5 * 12 + 5 });
  });

  it('should re-tag exactly the one document that was added', () => {
    analyzeStore(store);
    upsertDocument(store, { id: 'b2', sourceId: 'b', title: 'New', text: 'Birds fly.' });
    expect(analyzeStore(store)).toMatchObject({ analyzed: 1, reused: 6 });
  });

  it('should re-tag a document whose content changed, and nothing else', () => {
    analyzeStore(store);
    upsertDocument(store, { id: 'a3', sourceId: 'a', title: 'Post 3', text: 'Edited text here.' });
    expect(analyzeStore(store)).toMatchObject({ analyzed: 1, reused: 5 });
    const doc = loadAnalysis(store).documents.find((d) => d.docId === 'a3');
    expect(doc?.sentences[0].words).toEqual(['Edited', 'text', 'here', '.']);
  });

  it('should re-tag nothing when nothing changed', () => {
    analyzeStore(store);
    expect(analyzeStore(store)).toEqual({ analyzed: 0, reused: 6, removed: 0, tokens: 65 });
  });

  it('should re-tag everything analysed by another analyzer version', () => {
    analyzeStore(store);
    store.prepare("UPDATE analyses SET analyzer = 'wink-nlp@0.0.1/old'").run();
    expect(analyzeStore(store)).toMatchObject({ analyzed: 6, reused: 0 });
  });

  it('should drop the analysis of a deleted document', () => {
    analyzeStore(store);
    store.prepare("DELETE FROM documents WHERE id = 'a1'").run();
    expect(analyzeStore(store)).toMatchObject({ analyzed: 0, reused: 5, tokens: 53 });
  });

  it('should report progress up to the total, in batches', () => {
    const seen: [number, number][] = [];
    analyzeStore(store, { batchSize: 4, onProgress: (done, total) => seen.push([done, total]) });
    expect(seen).toEqual([[0, 6], [4, 6], [6, 6]]);
  });
});

describe('loadAnalysis', () => {
  it('should read every analysis back in document-id order, title apart', () => {
    analyzeStore(store);
    const analysis = loadAnalysis(store);
    expect(analysis.documents.map((d) => d.docId)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'b1']);
    expect(analysis.documents[5]).toMatchObject({ sourceId: 'b', kind: 'post', tokens: 5 });
    expect(analysis.documents[5].title?.words).toEqual(['Hello']);
  });

  it('should keep only the sources asked for', () => {
    analyzeStore(store);
    expect(loadAnalysis(store, { sourceIds: ['b'] }).documents.map((d) => d.docId)).toEqual(['b1']);
  });

  it('should leave out analyses that are stale', () => {
    analyzeStore(store);
    upsertDocument(store, { id: 'b1', sourceId: 'b', title: 'Hello', text: 'Changed.' });
    expect(loadAnalysis(store).documents.map((d) => d.docId)).not.toContain('b1');
  });
});
