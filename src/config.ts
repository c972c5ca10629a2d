/**
 * The one configuration object. `defaults` make the built-in run work with no file at all; the
 * file `webxcreta.config.json` in the data directory overrides them, environment variables override
 * the file, CLI flags override both. `loadConfig` does this merge once and validates the result.
 */
import { z } from 'zod';

export const CONFIG_FILE = 'webxcreta.config.json';
export const STATE_DIR = '.webxcreta';

const cron = z.string().min(9, 'a cron expression such as "0 * * * *"');

export const configSchema = z.strictObject({
  version: z.literal(1).default(1),
  /** Seed for generation; empty means pick one per run (printed and stored with the post). */
  seed: z.string().default(''),
  sources: z
    .strictObject({
      /** Harvest the built-in sample blogosphere in `corpus/`, served on 127.0.0.1 for the run. */
      builtin: z.boolean().default(true),
      /** Feed or site URLs harvested besides those added with `webxcreta feeds add`. */
      feeds: z.array(z.string().url()).default([]),
      /** OPML files or URLs whose feeds are harvested. */
      opml: z.array(z.string()).default([]),
      /**
       * Feed of the bot's own blog when it publishes to another AtomPub server (harvested as its
       * own). Unset while it publishes to its box: the box's feed is harvested then.
       */
      own: z.string().url().optional(),
    })
    .prefault({}),
  harvest: z
    .strictObject({
      timeoutMs: z.number().int().positive().default(20_000),
      connectTimeoutMs: z.number().int().positive().default(5_000),
      maxBytes: z.number().int().positive().default(10 * 1024 * 1024),
      concurrency: z.number().int().positive().default(8),
      perHostConcurrency: z.number().int().positive().default(2),
      maxRedirects: z.number().int().min(0).default(5),
      comments: z.boolean().default(true),
      userAgent: z.string().default('webXcreta/0.1 (+https://www.npmjs.com/package/webxcreta)'),
      /** Comment feeds fetched per feed per run at most (politeness); the rest follow on later runs. */
      maxCommentFeeds: z.number().int().min(0).default(200),
      /** Fetch feeds even while they are backed off after repeated failures (what `harvest --force` sets). */
      force: z.boolean().default(false),
      /** Worker threads for parsing and HTML→text; unset: one when a run has `workerMinFeeds`+ feeds and 2+ cores. 0: none. */
      extractWorkers: z.number().int().min(0).max(16).optional(),
      workerMinFeeds: z.number().int().min(1).default(50),
      /**
       * Days a document stays in the model: older ones (by published date; undated ones stay, and
       * a post's comments go with it) leave the model at its next build, not the store, so raising
       * it brings them back. Unset (the default): every document counts forever.
       */
      keepDays: z.number().int().positive().optional(),
    })
    .prefault({}),
  weight: z
    .strictObject({
      damping: z.enum(['log-squared', 'log', 'linear']).default('log-squared'),
      /** Share of the total weight the bot's own past posts make up, when it has any. */
      ownShare: z.number().min(0).max(1).default(0.25),
      /** Own posts over which ownShare is reached gradually (1 post: 10% of it, 10: 63%, 30: 95%); 0: at once. */
      ownRampPosts: z.number().min(0).default(10),
      /** Learn from the bot's own past posts only. */
      ownOnly: z.boolean().default(false),
      /** Weight of a comment relative to a full post. */
      commentWeight: z.number().min(0).max(1).default(0.2),
    })
    .prefault({}),
  generate: z
    .strictObject({
      paragraphs: z.number().int().min(1).max(50).default(4),
      sentencesPerParagraph: z.number().int().min(1).max(30).default(4),
      minWords: z.number().int().min(3).default(8),
      maxWords: z.number().int().min(4).default(32),
      temperature: z.number().positive().max(5).default(1),
      /** Longest run of consecutive words a sentence may share with any corpus sentence. */
      maxSharedRun: z.number().int().min(2).default(7),
      topic: z.array(z.string().min(1)).default([]),
    })
    .prefault({}),
  publish: z
    .strictObject({
      /** Output folder for the blog's Atom feed and HTML pages, relative to the data directory. */
      outDir: z.string().default('out'),
      blogTitle: z.string().default('webXcreta'),
      blogSubtitle: z.string().default('A shotgun-spread of statistically sampled prose.'),
      author: z.string().default('webXcreta'),
      /** Public base URL of the blog (used for links and atom:ids); defaults to the box URL. */
      baseUrl: z.string().url().optional(),
      /** AtomPub target: a service document or collection URL. Empty: the bot's own box. */
      serviceUrl: z.string().url().optional(),
      collectionUrl: z.string().url().optional(),
      /** Username for AtomPub Basic auth; the password comes from WEBXCRETA_APP_PASSWORD or passwordFile. */
      user: z.string().optional(),
      passwordFile: z.string().optional(),
      /** Allow Basic auth over plain HTTP to a non-loopback host. */
      allowInsecureAuth: z.boolean().default(false),
      timeoutMs: z.number().int().positive().default(15_000),
      retries: z.number().int().min(0).max(10).default(3),
      /** First retry delay; each further retry doubles it (a server's Retry-After wins). */
      retryDelayMs: z.number().int().min(0).default(1_000),
    })
    .prefault({}),
  box: z
    .strictObject({
      host: z.string().default('127.0.0.1'),
      port: z.number().int().min(0).max(65535).default(8080),
      /** Readers' comments: longest name and text (characters), and at most N per address per window. */
      maxCommentAuthor: z.number().int().min(1).max(500).default(80),
      maxCommentLength: z.number().int().min(1).max(100_000).default(2000),
      commentsPerWindow: z.number().int().min(1).default(5),
      commentWindowMs: z.number().int().positive().default(10 * 60_000),
      /** Largest AtomPub entry the box accepts, in bytes. */
      maxEntryBytes: z.number().int().positive().default(1024 * 1024),
    })
    .prefault({}),
  schedule: z
    .strictObject({
      harvest: cron.default('0 * * * *'),
      post: cron.default('0 9 * * *'),
      serve: z.boolean().default(true),
      timezone: z.string().optional(),
    })
    .prefault({}),
});

export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;

export const defaults: Config = configSchema.parse({});
