/**
 * Every subcommand, in the order `--help` lists them. Each file registers one command (or one
 * command group) on the program.
 */
import type { Command } from 'commander';
import type { Io } from '../app.js';
import { registerInit } from './init.js';
import { registerRun } from './run.js';
import { registerHarvest } from './harvest.js';
import { registerFeeds } from './feeds.js';
import { registerAnalyze } from './analyze.js';
import { registerInspect } from './inspect.js';
import { registerBrainstorm } from './brainstorm.js';
import { registerPrompt } from './prompt.js';
import { registerGenerate } from './generate.js';
import { registerPublish } from './publish.js';
import { registerServe } from './serve.js';
import { registerExport } from './export.js';
import { registerPosts } from './posts.js';
import { registerSchedule } from './schedule.js';
import { registerStatus } from './status.js';

export type RegisterCommand = (program: Command, io: Io) => void;

export const commands: RegisterCommand[] = [
  registerInit,
  registerRun,
  registerHarvest,
  registerFeeds,
  registerAnalyze,
  registerInspect,
  registerBrainstorm,
  registerPrompt,
  registerGenerate,
  registerPublish,
  registerServe,
  registerExport,
  registerPosts,
  registerSchedule,
  registerStatus,
];
