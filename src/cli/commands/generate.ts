/**
 * `webxcreta generate`: one post (title + paragraphs) from the model of the harvested corpus,
 * stored so that `webxcreta publish ID` can publish it (`--dry-run`: a preview, not stored).
 * Flags override `generate.*` and `seed` in the config; with no seed one is picked and printed
 * (stderr) so the post can be made again. `--explain` shows where each sentence came from.
 */
import type { Command } from 'commander';
import { generatePost } from '../../generate/index.js';
import type { GeneratedSentence, Post } from '../../generate/types.js';
import { chooseSeed, createRng } from '../../rng.js';
import { loadOrBuildModel } from '../../pipeline/refresh-model.js';
import { describeSources } from '../../store/describe-sources.js';
import type { SourceInfo } from '../../site/render-sentences.js';
import { listPublications } from '../../publish/index.js';
import { readPost, savePost } from '../../store/posts.js';
import type { App, Io } from '../app.js';
import { emit } from '../output.js';
import { withApp } from '../with-app.js';
import type { RegisterCommand } from './index.js';
import { lengthOverrides, MAX_WORDS_FLAG, MIN_WORDS_FLAG, type LengthFlags } from './length-flags.js';

interface GenerateFlags extends LengthFlags {
  seed?: string;
  topic?: string;
  paragraphs?: string;
  sentences?: string;
  temperature?: string;
  focus?: string;
  explain?: boolean;
  dryRun?: boolean;
}

export interface GenerateOutput {
  ok: true;
  post: Post;
  /** True when the post was stored (`publish ID` publishes it); false with --dry-run. */
  stored: boolean;
}

export const registerGenerate: RegisterCommand = (program: Command, io: Io) => {
  program
    .command('generate')
    .description('write one post from the model and store it (then `webxcreta publish ID` publishes it); --dry-run only shows it')
    .option('--seed <seed>', 'seed for the random choices (same model + options + seed = same post)')
    .option('--topic <words>', 'words the post must use, comma or space separated')
    .option('--paragraphs <n>', 'number of paragraphs')
    .option('--sentences <n>', 'sentences per paragraph')
    .option('--temperature <t>', 'below 1: likelier choices; above 1: more surprising ones')
    .option('--focus <f>', 'how tightly the post holds to its theme: 0 (independent sentences) to 1')
    .option('--explain', 'show the documents and sources behind every sentence, with their weights')
    .option('--dry-run', 'a preview: print the post without storing it')
    .option(...MIN_WORDS_FLAG)
    .option(...MAX_WORDS_FLAG)
    .addHelpText(
      'after',
      '\nThe post is stored with its id (printed on stderr, and in --json as post.id); `webxcreta publish ID`\n' +
        'publishes it and `webxcreta posts list` lists it. The same seed on the same model gives the same post\n' +
        'and id again. --dry-run prints it without storing it.\n' +
        '\nExamples:\n  webxcreta generate --seed 42\n  webxcreta generate --topic "river,winter" --explain\n  webxcreta generate --dry-run --min-words 6 --max-words 18\n  webxcreta generate --json',
    )
    .action(
      withApp(
        io,
        async (app, flags: GenerateFlags) => {
          const model = await loadOrBuildModel(app);
          const { seed, picked } = chooseSeed(app.config.seed);
          if (picked) app.io.stderr.write(`seed: ${seed}\n`);
          const post = generatePost(model, app.config.generate, createRng(seed), { seed, now: new Date().toISOString() });
          const stored = !flags.dryRun && storePost(app, post);
          const output: GenerateOutput = { ok: true, post, stored };
          const sources = flags.explain && !app.json ? describeSources(app.store(), post) : {};
          emit(app, output, (o) => renderPost(o.post, Boolean(flags.explain), sources));
        },
        toOverrides,
      ),
    );
};

/**
 * Stores the post, and says how to publish it. A post of the same id (same seed, same model) is
 * replaced, unless it was published already with other text: that one is kept as it is.
 */
function storePost(app: App, post: Post): boolean {
  const store = app.store();
  const known = readPost(store, post.id);
  const published = listPublications(store).some((p) => p.postId === post.id);
  if (known && published && JSON.stringify({ ...known, createdAt: '' }) !== JSON.stringify({ ...post, createdAt: '' })) {
    app.log(`post ${post.id} is already published with other text; this one was not stored (pick another --seed, or --dry-run)`);
    return false;
  }
  if (known && published) {
    app.log(`post ${post.id} is stored and published already (see \`webxcreta posts list\`)`);
    return true;
  }
  savePost(store, post);
  app.log(`stored as post ${post.id}: \`webxcreta publish ${post.id}\` publishes it`);
  return true;
}

/** Flags as a config overlay, so the config schema validates them like any other setting. */
function toOverrides(flags: GenerateFlags): Record<string, unknown> {
  const generate: Record<string, unknown> = {};
  if (flags.topic !== undefined) generate.topic = flags.topic.split(/[\s,]+/).filter(Boolean);
  if (flags.paragraphs !== undefined) generate.paragraphs = Number(flags.paragraphs);
  if (flags.sentences !== undefined) generate.sentencesPerParagraph = Number(flags.sentences);
  if (flags.temperature !== undefined) generate.temperature = Number(flags.temperature);
  Object.assign(generate, lengthOverrides(flags));
  if (flags.focus !== undefined) generate.focus = Number(flags.focus);
  return { ...(flags.seed !== undefined ? { seed: flags.seed } : {}), generate };
}

/** The post as text; with `explain`, each sentence is followed by its template and the documents behind it. */
export function renderPost(post: Post, explain: boolean, sources: Record<string, SourceInfo> = {}): string {
  const lines = [post.title.text, ''];
  if (explain) lines.push(...explainSentence(post.title, sources), '');
  for (const paragraph of post.paragraphs) {
    if (explain) for (const s of paragraph) lines.push(s.text, ...explainSentence(s, sources));
    else lines.push(paragraph.map((s) => s.text).join(' '));
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

function explainSentence(s: GeneratedSentence, sources: Record<string, SourceInfo>): string[] {
  return [
    `    template ${s.template}`,
    ...s.provenance.map((p) => {
      const what = p.gave === 'template' ? 'template' : `words at ${p.positions?.join(',')}`;
      const known = sources[p.docId];
      const from = known ? `"${known.title}" in ${known.sourceTitle}` : `${p.docId} (${p.sourceId})`;
      return `    ${p.weight.toFixed(3)}  ${what.padEnd(16)}  ${from}`;
    }),
  ];
}
