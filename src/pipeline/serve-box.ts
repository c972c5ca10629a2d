/**
 * Starting the bot's own box from a Bot: the configuration's slices, the credentials resolved
 * from the environment or the stored box password, and the model file for the statistics page.
 */
import type { Credentials } from '../atom/types.js';
import { startBox, type RunningBox } from '../box/index.js';
import type { Bot } from './bot.js';
import { resolveBoxCredentials } from './credentials.js';
import { modelFileOf } from './refresh-model.js';

export interface ServeBoxOptions {
  host: string;
  port: number;
  /** Default: WEBXCRETA_BOX_USER/WEBXCRETA_BOX_PASSWORD, else the stored box password. */
  credentials?: Credentials;
  /**
   * The base URL the box writes into feeds and AtomPub answers (default: `publish.baseUrl`, else where
   * it listens). Boxes started in-process on a passing port give the canonical address here.
   */
  baseUrl?: string;
  now?: () => Date;
}

export function serveBox(bot: Bot, options: ServeBoxOptions): Promise<RunningBox> {
  const { publish, box, weight } = bot.config;
  return startBox({
    store: bot.store(),
    host: options.host,
    port: options.port,
    blog: { title: publish.blogTitle, subtitle: publish.blogSubtitle, author: publish.author, baseUrl: options.baseUrl ?? publish.baseUrl },
    limits: box,
    credentials: options.credentials ?? resolveBoxCredentials(bot.env, bot.paths.stateDir),
    damping: weight.damping,
    modelFile: modelFileOf(bot.paths.stateDir),
    log: (line) => bot.log(line),
    now: options.now,
  });
}
