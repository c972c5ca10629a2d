/**
 * The one configuration object. `defaults` make the built-in run work with no file at all; the
 * file `webxcreta.config.json` in the data directory overrides them, environment variables override
 * the file, CLI flags override both. `loadConfig` does this merge once and validates the result.
 */
import nodeCron from 'node-cron';
import { z } from 'zod';

export const CONFIG_FILE = 'webxcreta.config.json';
export const STATE_DIR = '.webxcreta';

/** A cron expression node-cron accepts (five or six fields), checked on every load, not only by `schedule`. */
const cron = z.string().refine((v) => nodeCron.validate(v), { message: 'a cron expression of five or six fields, such as "0 * * * *" (hourly) or "0 9 * * *" (9:00 daily)' });

/** A time zone the platform knows (IANA name, e.g. "Europe/Berlin"). */
const timeZone = z.string().refine(
  (v) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: v });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'an IANA time zone such as "UTC" or "Europe/Berlin"' },
);

/** Whether a URL carries no user name or password (`http://bot:pw@host/` leaks the password into logs). */
const noUserinfo = (value: string): boolean => {
  try {
    const u = new URL(value);
    return !u.username && !u.password;
  } catch {
    return true;
  }
};

/** A URL without credentials in it; `fix` says where the credentials go instead. */
const plainUrl = (fix: string) =>
  z.string().url().refine(noUserinfo, { message: `a URL must not carry a user name or password: ${fix}`, abort: true });
const APP_CREDENTIALS = 'use `publish.user` + WEBXCRETA_APP_PASSWORD (or `publish.passwordFile`)';
const WP_CREDENTIALS = 'use `publish.wordpress.user` + WEBXCRETA_WP_PASSWORD (or `publish.wordpress.passwordFile`)';
const NO_CREDENTIALS = 'remove it (feeds are read without credentials)';

/** Where posts go: see `publishTargetOf` for the default. */
export const PUBLISH_TARGETS = ['box', 'atompub', 'wordpress', 'static'] as const;
export type PublishTargetKind = (typeof PUBLISH_TARGETS)[number];

export const configSchema = z.strictObject({
  version: z.literal(1).default(1),
  /** Seed for generation; empty means pick one per run (printed and stored with the post). */
  seed: z.string().default(''),
  sources: z
    .strictObject({
      /** Harvest the built-in sample blogosphere in `corpus/`, served on 127.0.0.1 for the run. */
      builtin: z.boolean().default(true),
      /** Feed or site URLs harvested besides those added with `webxcreta feeds add`. */
      feeds: z.array(plainUrl(NO_CREDENTIALS)).default([]),
      /** OPML files or URLs whose feeds are harvested. */
      opml: z.array(z.string()).default([]),
      /**
       * Feed of the bot's own blog when it publishes to another AtomPub server (harvested as its
       * own). Unset while it publishes to its box: the box's feed is harvested then.
       */
      own: plainUrl(NO_CREDENTIALS).optional(),
    })
    .prefault({}),
  harvest: z
    .strictObject({
      /** Per feed: its fetch, and its parse in an extract worker (stopped past it, the feed answered with an error). */
      timeoutMs: z.number().int().positive().default(20_000),
      connectTimeoutMs: z.number().int().positive().default(5_000),
      /** Bytes a feed response may have, and characters its text may have once decoded and its entities expanded. */
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
       * Let feeds, their redirects and comment feeds reach loopback, private (RFC 1918), link-local,
       * unique-local, CGNAT and other non-global addresses. Off: only the hosts of the feed URLs as
       * given (and the built-in corpus and own box servers) may be such addresses; any other
       * connection to one is refused, checked on the resolved address at every redirect hop.
       */
      allowPrivateAddresses: z.boolean().default(false),
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
      /**
       * How tightly a post holds to its theme (a seed document of the weighted corpus, its
       * characteristic words and its nearest documents): 0 = independent sentences, 1 = tight.
       * The default is set from `npm run bench:coherence`.
       */
      focus: z.number().min(0).max(1).default(0.6),
      /** A sentence template (skeleton) is not reused within the last N posts while others remain; 0: off. */
      templateCooldown: z.number().int().min(0).max(1000).default(5),
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
      baseUrl: plainUrl(NO_CREDENTIALS).optional(),
      /**
       * Where `run`, `schedule` and `publish` send posts: `box` (the bot's own blog), `atompub`
       * (serviceUrl/collectionUrl below), `wordpress` (the `wordpress` section), `static` (Markdown
       * files, the `static` section). Unset: `atompub` when serviceUrl or collectionUrl is set, else `box`.
       * `webxcreta publish --to NAME` overrides it for one command.
       */
      target: z.enum(PUBLISH_TARGETS).optional(),
      /** AtomPub target: a service document or collection URL. Empty: the bot's own box. */
      serviceUrl: plainUrl(APP_CREDENTIALS).optional(),
      collectionUrl: plainUrl(APP_CREDENTIALS).optional(),
      /** Username for AtomPub Basic auth; the password comes from WEBXCRETA_APP_PASSWORD or passwordFile. */
      user: z.string().optional(),
      passwordFile: z.string().optional(),
      /** Allow Basic auth over plain HTTP to a non-loopback host. */
      allowInsecureAuth: z.boolean().default(false),
      timeoutMs: z.number().int().positive().default(15_000),
      retries: z.number().int().min(0).max(10).default(3),
      /** First retry delay; each further retry doubles it (a server's Retry-After wins). */
      retryDelayMs: z.number().int().min(0).default(1_000),
      /** WordPress over its REST API (`publish.target: "wordpress"`), with an Application Password. */
      wordpress: z
        .strictObject({
          /** The site's home page; the REST API is discovered from its `<link rel="https://api.w.org/">`. */
          url: plainUrl(WP_CREDENTIALS).optional(),
          /** The REST API root (`https://blog.example.org/wp-json/`), when discovery is not wanted. */
          apiUrl: plainUrl(WP_CREDENTIALS).optional(),
          /** The WordPress user; or WEBXCRETA_WP_USER. Its Application Password: WEBXCRETA_WP_PASSWORD or passwordFile. */
          user: z.string().min(1).optional(),
          passwordFile: z.string().min(1).optional(),
          /** Category names every post is filed under (created when missing); the post's topic words become its tags. */
          categories: z.array(z.string().min(1)).default([]),
        })
        .prefault({}),
      /** A static site (`publish.target: "static"`): one Markdown file with YAML front matter per post. */
      static: z
        .strictObject({
          /** The folder the Markdown files go to (e.g. a Hugo site's `content/posts`), relative to the data directory. */
          contentDir: z.string().min(1).optional(),
          /** Run after each new or changed file, as an argv array with no shell, e.g. ["hugo", "--source", "/srv/blog"]. */
          afterCommand: z.array(z.string().min(1)).min(1).optional(),
          /** The after-command is stopped (and the publish fails, to be retried) after this long. */
          afterCommandTimeoutMs: z.number().int().positive().default(120_000),
          /** Working directory of the after-command, relative to the data directory (default: the content folder). */
          afterCommandCwd: z.string().min(1).optional(),
        })
        .prefault({}),
    })
    .superRefine((p, ctx) => {
      const target = p.target;
      if (target === 'atompub' && !p.serviceUrl && !p.collectionUrl) {
        ctx.addIssue({ code: 'custom', path: ['target'], message: '"atompub" needs `publish.serviceUrl` or `publish.collectionUrl`' });
      }
      if (target === 'wordpress' && !p.wordpress.url && !p.wordpress.apiUrl) {
        ctx.addIssue({ code: 'custom', path: ['wordpress', 'url'], message: '"wordpress" needs the site\'s address in `publish.wordpress.url` (or the REST root in `publish.wordpress.apiUrl`)' });
      }
      if (target === 'static' && !p.static.contentDir) {
        ctx.addIssue({ code: 'custom', path: ['static', 'contentDir'], message: '"static" needs the folder to write Markdown files to in `publish.static.contentDir`' });
      }
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
      /**
       * AtomPub login throttle: after `authFailures` wrong Basic logins from one address (IPv6: its
       * /64) within `authWindowMs`, every AtomPub request from it, right password or not, gets 429
       * with Retry-After until `authWindowMs` has passed since the last of them. Kept in the database.
       */
      authFailures: z.number().int().min(1).default(10),
      authWindowMs: z.number().int().positive().default(15 * 60_000),
    })
    .prefault({}),
  schedule: z
    .strictObject({
      harvest: cron.default('0 * * * *'),
      post: cron.default('0 9 * * *'),
      serve: z.boolean().default(true),
      /** The time zone the cron expressions are read in (default: the machine's). */
      timezone: timeZone.optional(),
    })
    .prefault({}),
});

export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;

export const defaults: Config = configSchema.parse({});

/** The publish target in effect: `publish.target`, else `atompub` when an AtomPub URL is set, else the box. */
export function publishTargetOf(publish: Pick<Config['publish'], 'target' | 'serviceUrl' | 'collectionUrl'>): PublishTargetKind {
  return publish.target ?? (publish.serviceUrl || publish.collectionUrl ? 'atompub' : 'box');
}
