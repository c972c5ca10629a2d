/** `webxcreta publish [POST_ID] [--to TARGET]`: publish a stored post (the newest unpublished one by default) to the configured target. */
import type { Command } from 'commander';
import { WebxError } from '../../errors.js';
import { openTargetName } from '../../publish/target-name.js';
import { latestUnpublishedPost } from '../../publish/index.js';
import { publishStep } from '../../pipeline/publish-step.js';
import { hasPosts } from '../../store/posts.js';
import type { Io } from '../app.js';
import { emit } from '../output.js';
import { withApp } from '../with-app.js';
import type { RegisterCommand } from './index.js';

/** `--to NAME` as a config override (validated with the rest of the config: a bad name exits 2). */
export const toTarget = (...args: unknown[]): Record<string, unknown> => {
  const flags = args.find((a): a is { to?: string } => typeof a === 'object' && a !== null && 'to' in a);
  return flags?.to ? { publish: { target: flags.to } } : {};
};

export const registerPublish: RegisterCommand = (program: Command, io: Io) => {
  program
    .command('publish')
    .argument('[post-id]', 'the post to publish (default: the newest one not yet published)')
    .description('publish a generated post to the configured target (publish.target: the box, AtomPub, WordPress or a static site)')
    .option('--draft', 'send it as a draft: kept off the blog until `posts update ID --no-draft`')
    .option('--to <target>', 'publish there instead of publish.target: box, atompub, wordpress or static (each with its settings in the config)')
    .addHelpText(
      'after',
      '\nExamples:\n  webxcreta publish\n  webxcreta publish 3f9a2c --json\n  webxcreta publish --to wordpress\n\nNever posts twice: a post already published is reported, a crashed publish is reconciled first, and two publishers of one post take turns.',
    )
    .action(
      withApp(io, async (app, postId: string | undefined, flags: { draft?: boolean; to?: string }) => {
        const id = postId ?? latestUnpublishedPost(app.store(), openTargetName(app.config));
        if (!id) {
          if (hasPosts(app.store())) {
            emit(app, { ok: true, nothing: 'every stored post is already published' }, (r) => r.nothing);
            return;
          }
          throw new WebxError('there is no post to publish yet', { hint: 'generate one with `webxcreta run --no-publish` or `webxcreta run`' });
        }
        const published = await publishStep(app, id, { draft: flags.draft, signal: app.signal });
        emit(app, { ok: true, ...published }, (r) => `published ${r.postId}${flags.draft ? ' as a draft' : ''}: ${r.url}`);
      }, toTarget),
    );
};
