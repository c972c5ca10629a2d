/**
 * `--min-words N` / `--max-words N`: the sentence length for the commands that write sentences
 * (`generate`, `brainstorm`, `prompt`, `run`). They override `generate.minWords`/`maxWords` and are
 * validated with the rest of the configuration.
 */
import type { Command } from 'commander';

export interface LengthFlags {
  minWords?: string;
  maxWords?: string;
}

export const MIN_WORDS_FLAG = ['--min-words <n>', 'shortest sentence, in words (default: generate.minWords, 8)'] as const;
export const MAX_WORDS_FLAG = ['--max-words <n>', 'longest sentence, in words (default: generate.maxWords, 32)'] as const;

export function addLengthFlags(command: Command): Command {
  return command.option(...MIN_WORDS_FLAG).option(...MAX_WORDS_FLAG);
}

/** The flags as a `generate` overlay for the configuration (empty when neither is given). */
export function lengthOverrides(flags: LengthFlags): Record<string, number> {
  const out: Record<string, number> = {};
  if (flags.minWords !== undefined) out.minWords = Number(flags.minWords);
  if (flags.maxWords !== undefined) out.maxWords = Number(flags.maxWords);
  return out;
}
