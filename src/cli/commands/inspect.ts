/**
 * `webxcreta inspect`: what the model learned — top templates, each source's share of the words
 * and of the model's weight (the numbers the model was built with), the heaviest words per class —
 * and an SVG plot of the same shares.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { WebxError } from '../../errors.js';
import { formatShare as pct, shareLabel } from '../../model/shares.js';
import { loadOrBuildModel } from '../../pipeline/refresh-model.js';
import { inspectModel, renderWeightPlot, type InspectReport } from '../../weight/index.js';
import type { Io } from '../app.js';
import { emit } from '../output.js';
import { withApp } from '../with-app.js';
import type { RegisterCommand } from './index.js';
import { plural } from '../../text/plural.js';

interface InspectFlags {
  top: string;
  svg?: string;
}

type InspectOutput = { ok: true; svg: string } & InspectReport;

export const registerInspect: RegisterCommand = (program: Command, io: Io) => {
  program
    .command('inspect')
    .description('show what the model learned and plot each source\'s share of the weight (SVG)')
    .option('--top <n>', 'how many templates, word classes and words per class to show', '10')
    .option('--svg <file>', 'where to write the plot (default: <data>/.webxcreta/weights.svg)')
    .addHelpText('after', '\nExamples:\n  webxcreta inspect\n  webxcreta inspect --top 20 --svg weights.svg\n  webxcreta inspect --json')
    .action(
      withApp(io, async (app, flags: InspectFlags) => {
        const top = Number(flags.top);
        if (!Number.isInteger(top) || top < 1) {
          throw new WebxError(`--top must be a whole number of at least 1 (got "${flags.top}")`, { exitCode: 2 });
        }
        const model = await loadOrBuildModel(app);
        const report = inspectModel(model, top);
        const svg = flags.svg ? resolve(app.io.cwd, flags.svg) : join(app.paths.stateDir, 'weights.svg');
        mkdirSync(dirname(svg), { recursive: true });
        writeFileSync(svg, renderWeightPlot(model));
        emit<InspectOutput>(app, { ok: true, svg, ...report }, (r) => renderInspect(r, top));
      }, undefined, 'read'),
    );
};

const num = (x: number) => (x >= 100 ? x.toFixed(0) : x.toPrecision(3));

function renderInspect(r: InspectOutput, top: number): string {
  const lines = [
    `model ${r.fingerprint.slice(0, 12)}: ${plural(r.documents, 'document')}, ${r.tokens.toLocaleString('en-US')} tokens, damping ${r.settings.damping}, comment weight ${r.settings.commentWeight}`,
    ownLine(r),
    '',
    `Sources (share of the words, by raw token counts → share of the weight in the model):`,
    ...r.sources.slice(0, Math.max(top, 20)).map(
      (s) => `  ${pct(s.rawShare).padStart(7)} → ${pct(s.dampedShare).padStart(7)}  ${shareLabel(s)}  [${s.documents} docs, ${s.tokens} tokens]`,
    ),
    ...(r.sources.length > Math.max(top, 20) ? [`  … and ${r.sources.length - Math.max(top, 20)} more (see --json or the plot)`] : []),
    '',
    'Top title templates:',
    ...r.titleTemplates.map((t) => `  ${pct(t.share).padStart(7)}  ${t.template}`),
    '',
    'Top sentence templates:',
    ...r.sentenceTemplates.map((t) => `  ${pct(t.share).padStart(7)}  ${t.template}`),
    '',
    'Most weighted words per word class:',
    ...r.words.map((w) => `  ${w.slot.padEnd(8)} ${pct(w.share).padStart(7)}  ${w.words.map((x) => `${x.word} (${num(x.weight)})`).join(', ')}`),
    '',
    `plot: ${r.svg}`,
  ];
  return lines.join('\n');
}

/** The own blog's share as built, and the setting it grows towards. */
function ownLine(r: InspectOutput): string {
  const { ownShare, ownRampPosts, ownOnly } = r.settings;
  const posts = `${r.own.posts} post${r.own.posts === 1 ? '' : 's'}`;
  if (ownOnly) return `own blog: ${pct(r.own.share)} of the weight (own posts only, ${posts})`;
  const ramp = ownRampPosts ? `, ramped in with weight.ownRampPosts ${ownRampPosts}` : '';
  return `own blog: ${pct(r.own.share)} of the weight from ${posts} (weight.ownShare ${ownShare}${ramp})`;
}
