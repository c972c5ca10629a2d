/**
 * `webxcreta prompt --topic WORDS [FILE|DIR|URL|-]...`: writer's-block prompts around a topic from
 * supplied text or the harvested corpus. `--interactive`: Enter gives more, numbers keep prompts
 * (appended to the --save file), q quits.
 */
import { appendFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { interrupted, interruptSignal, WebxError } from '../../errors.js';
import { chooseSeed, createRng, type Rng } from '../../rng.js';
import { modelFromInputs } from '../../pipeline/model-from-inputs.js';
import { makePrompts, type WritingPrompt } from '../../supplied/index.js';
import type { Model } from '../../model/types.js';
import type { App, Io } from '../app.js';
import { emit } from '../output.js';
import { withApp } from '../with-app.js';

import type { RegisterCommand } from './index.js';
import { splitWords } from './run.js';
import { addLengthFlags, lengthOverrides, type LengthFlags } from './length-flags.js';

interface PromptFlags extends LengthFlags {
  topic?: string;
  seed?: string;
  interactive?: boolean;
  save: string;
}

const LABEL: Record<WritingPrompt['kind'], string> = { opening: 'Opening line', 'what-if': 'Question', title: 'Title', scene: 'Scene seed' };

export const registerPrompt: RegisterCommand = (program: Command, io: Io) => {
  const command = program
    .command('prompt')
    .description("writer's-block prompts around a topic: opening lines, what-if questions, titles, a scene seed")
    .argument('[inputs...]', 'text, Markdown or HTML files, folders, URLs or - (default: the harvested corpus)')
    .option('--topic <words>', 'the words every prompt must use, comma- or space-separated (required)')
    .option('--seed <seed>', 'seed for the choices (default: config seed, else a new one, printed on stderr)')
    .option('-i, --interactive', 'Enter for more, numbers to keep prompts, q to quit')
    .option('--save <file>', 'where --interactive appends the prompts you keep', 'prompts.txt');
  addLengthFlags(command)
    .addHelpText('after', '\nExamples:\n  webxcreta prompt --topic "lighthouse, winter"\n  webxcreta prompt --topic river notes/ --interactive --save ideas.txt')
    .action(
      withApp(io, async (app, inputs: string[], flags: PromptFlags) => {
        const topic = flags.topic ? splitWords(flags.topic) : app.config.generate.topic;
        if (topic.length === 0) throw new WebxError('prompt needs a topic', { hint: 'add --topic WORDS, e.g. --topic "river, trade"', exitCode: 2 });
        const { seed, picked } = chooseSeed(flags.seed, app.config.seed);
        const { model } = await modelFromInputs(app, inputs, app.io);
        if (picked) app.io.stderr.write(`seed: ${seed}\n`);
        const rng = createRng(seed);
        if (flags.interactive) return interact(app, model, topic, rng, seed, resolve(app.io.cwd, flags.save));
        const prompts = makePrompts(model, { ...app.config.generate, topic }, rng);
        emit(app, { ok: true as const, seed, topic, prompts }, (r) => r.prompts.map((p, i) => render(p, i + 1)).join('\n'));
      }, (_inputs: string[], flags: PromptFlags) => ({ generate: lengthOverrides(flags) }), 'read'),
    );
};

const render = (p: WritingPrompt, n: number) => `${String(n).padStart(2)}. ${LABEL[p.kind]}: ${p.text}`;

async function interact(app: App, model: Model, topic: string[], rng: Rng, seed: string, file: string): Promise<void> {
  const out = app.io.stdout;
  const shown: WritingPrompt[] = [];
  const kept: WritingPrompt[] = [];
  const more = () => {
    const batch = makePrompts(model, { ...app.config.generate, topic }, rng);
    for (const p of batch) {
      shown.push(p);
      out.write(`${render(p, shown.length)}\n`);
    }
  };
  const ask = () => out.write('\nEnter: more · numbers (e.g. "2 5"): keep · q: quit > ');
  more();
  ask();
  const rl = createInterface({ input: app.io.stdin, terminal: false });
  // Ctrl-C ends the session like q, keeping what was kept.
  app.signal?.addEventListener('abort', () => rl.close(), { once: true });
  for await (const raw of rl) {
    const line = raw.trim().toLowerCase();
    if (line === 'q' || line === 'quit') break;
    if (line === '') more();
    else keep(line, shown, kept, file, (s) => out.write(s));
    ask();
  }
  rl.close();
  out.write('\n');
  if (app.signal?.aborted) {
    throw interrupted(interruptSignal(app.signal.reason), 'during the prompts', kept.length ? `kept ${kept.length} prompt${kept.length === 1 ? '' : 's'} in ${file}` : 'no prompt was kept');
  }
  if (app.json) out.write(`${JSON.stringify({ ok: true, seed, topic, kept, file }, null, 2)}\n`);
  else out.write(`kept ${kept.length} prompt${kept.length === 1 ? '' : 's'}${kept.length ? ` in ${file}` : ''}\n`);
}

function keep(line: string, shown: WritingPrompt[], kept: WritingPrompt[], file: string, write: (s: string) => void): void {
  const words = line.split(/[\s,]+/).filter(Boolean);
  const bad = words.filter((w) => !/^\d+$/.test(w) || Number(w) < 1 || Number(w) > shown.length);
  if (bad.length > 0) {
    write(`not a prompt number: ${bad.join(', ')} (the prompts are numbered 1–${shown.length})\n`);
    return;
  }
  const numbers = words.map(Number);
  for (const n of numbers) {
    const p = shown[n - 1];
    if (kept.includes(p)) continue;
    kept.push(p);
    appendFileSync(file, `${LABEL[p.kind]}: ${p.text}\n`);
    write(`kept ${n} → ${file}\n`);
  }
}
