/** `webxcreta analyze`: tag what is new in the corpus and (re)build the model; report what it did. */
import type { Command } from 'commander';
import { refreshModel, type RefreshResult } from '../../pipeline/refresh-model.js';
import type { Io } from '../app.js';
import { emit } from '../output.js';
import { withApp } from '../with-app.js';
import type { RegisterCommand } from './index.js';
import { plural } from '../../text/plural.js';

interface AnalyzeFlags {
  rebuild?: boolean;
}

export interface AnalyzeOutput {
  ok: true;
  documents: number;
  analyzed: number;
  reused: number;
  removed: number;
  tokens: number;
  sources: number;
  model: { file: string; rebuilt: boolean; fingerprint: string; weightedDocuments: number };
  ms: { analyze: number; model: number };
}

export const registerAnalyze: RegisterCommand = (program: Command, io: Io) => {
  program
    .command('analyze')
    .description('tag new and edited documents (wink-nlp) and rebuild the model when the corpus changed')
    .option('--rebuild', 'build the model again even if the saved one matches (also fixes an old or damaged model file)')
    .addHelpText('after', '\nExamples:\n  webxcreta analyze\n  webxcreta analyze --rebuild --json')
    .action(
      withApp(io, async (app, flags: AnalyzeFlags) => {
        const result = await refreshModel(app, { rebuild: flags.rebuild });
        emit(app, toOutput(result), renderAnalyze);
      }),
    );
};

function toOutput(r: RefreshResult): AnalyzeOutput {
  const a = r.analyzed;
  return {
    ok: true,
    documents: a.analyzed + a.reused,
    analyzed: a.analyzed,
    reused: a.reused,
    removed: a.removed,
    tokens: a.tokens,
    sources: r.model.sources.length,
    model: {
      file: r.file,
      rebuilt: r.rebuilt,
      fingerprint: r.model.fingerprint,
      weightedDocuments: Object.keys(r.model.documentWeights).length,
    },
    ms: r.ms,
  };
}

function renderAnalyze(o: AnalyzeOutput): string {
  return [
    `documents: ${o.documents} (${o.analyzed} tagged now, ${o.reused} reused, ${o.removed} removed)`,
    `tokens:    ${o.tokens.toLocaleString('en-US')} from ${plural(o.sources, 'source')}`,
    `model:     ${o.model.rebuilt ? 'built' : 'up to date'} (${o.model.fingerprint.slice(0, 12)}) ${o.model.file}`,
    `time:      analyze ${o.ms.analyze} ms, model ${o.ms.model} ms`,
  ].join('\n');
}
