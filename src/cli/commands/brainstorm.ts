/**
 * `webxcreta brainstorm [FILE|DIR|URL|-]...`: N new sentences from supplied text (or, with no
 * input, from the harvested corpus), one per line.
 */
import type { Command } from 'commander';
import { WebxError } from '../../errors.js';
import { generateSentences } from '../../generate/index.js';
import type { GeneratedSentence } from '../../generate/types.js';
import { chooseSeed, createRng } from '../../rng.js';
import { modelFromInputs } from '../../pipeline/model-from-inputs.js';
import type { App, Io } from '../app.js';
import { emit } from '../output.js';
import { withApp } from '../with-app.js';
import type { RegisterCommand } from './index.js';
import { parseFocus, splitWords } from './run.js';
import { addLengthFlags, lengthOverrides, type LengthFlags } from './length-flags.js';

interface BrainstormFlags extends LengthFlags {
  count: string;
  seed?: string;
  topic?: string;
  focus?: string;
}

export interface BrainstormOutput {
  ok: true;
  seed: string;
  topic: string[];
  model: { fingerprint: string; corpus: 'supplied' | 'harvested'; cached: boolean; sources: number; tokens: number };
  sentences: GeneratedSentence[];
}

export const registerBrainstorm: RegisterCommand = (program: Command, io: Io) => {
  const command = program
    .command('brainstorm')
    .description('print N new sentences learned from the given text (files, folders, URLs, - for stdin) or the harvested corpus')
    .argument('[inputs...]', 'text, Markdown or HTML files, folders (read recursively), http(s) URLs, or - for stdin')
    .option('-n, --count <n>', 'how many sentences', '10')
    .option('--seed <seed>', 'seed for the choices (default: config seed, else a new one, printed on stderr)')
    .option('--topic <words>', 'words the sentences must use, comma- or space-separated')
    .option('--focus <f>', 'hold the sentences to one theme of the text: 0 (default, independent sentences) to 1');
  addLengthFlags(command)
    .addHelpText(
      'after',
      '\nExamples:\n  webxcreta brainstorm notes/ -n 20\n  cat essay.md | webxcreta brainstorm - --topic river --seed 7\n  webxcreta brainstorm short-notes.txt --min-words 4 --max-words 20\n  webxcreta brainstorm https://example.org/post.html --json\n\n' +
        'Exit status 2 for input that cannot be read (missing, binary); 1 when it holds nothing to learn from\n' +
        '(no sentences, or none of --min-words..--max-words words). Models of supplied text are cached in\n' +
        '$WEBXCRETA_CACHE_DIR, else $XDG_CACHE_HOME/webxcreta, else ~/.cache/webxcreta.',
    )
    .action(
      withApp(io, async (app, inputs: string[], flags: BrainstormFlags) => {
        const n = parseCount(flags.count);
        const { seed, picked } = chooseSeed(flags.seed, app.config.seed);
        const source = await modelFromInputs(app, inputs, app.io);
        if (picked) app.io.stderr.write(`seed: ${seed}\n`);
        const topic = flags.topic ? splitWords(flags.topic) : app.config.generate.topic;
        const sentences = generateSentences(source.model, n, { ...app.config.generate, topic, focus: flags.focus !== undefined ? parseFocus(flags.focus) : 0 }, createRng(seed));
        const model = source.model;
        emit<BrainstormOutput>(
          app,
          {
            ok: true,
            seed,
            topic,
            model: { fingerprint: model.fingerprint, corpus: source.corpus, cached: source.cached, sources: model.sources.length, tokens: model.sources.reduce((a, s) => a + s.tokens, 0) },
            sentences,
          },
          (r) => r.sentences.map((s) => s.text).join('\n'),
        );
      }, (_inputs: string[], flags: BrainstormFlags) => ({ generate: lengthOverrides(flags) }), 'read'),
    );
};

export function parseCount(value: string, max = 10_000): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new WebxError(`-n must be a whole number from 1 to ${max} (got "${value}")`, { exitCode: 2 });
  }
  return n;
}


