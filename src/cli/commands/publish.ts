/** `webxcreta publish [POST_ID]`: publish a stored post over AtomPub (the newest unpublished one by default). */
import type { Command } from 'commander';
import { WebxError } from '../../errors.js';
import { openTargetName } from '../../publish/target-name.js';
import { latestUnpublishedPost } from '../../publish/index.js';
import { publishStep } from '../../pipeline/publish-step.js';
import type { Io } from '../app.js';
import { emit } from '../output.js';
import { withApp } from '../with-app.js';
import type { RegisterCommand } from './index.js';

export const registerPublish: RegisterCommand = (program: Command, io: Io) => {
  program
    .command('publish')
    .argument('[post-id]', 'the post to publish (default: the newest one not yet published)')
    .description('publish a generated post over AtomPub (to publish.serviceUrl/collectionUrl, or to the box)')
    .option('--draft', 'send it as a draft (app:control): kept off the blog until `posts update ID --no-draft`')
    .addHelpText('after', '\nExamples:\n  webxcreta publish\n  webxcreta publish 3f9a2c --json\n\nNever posts twice: a post already published is reported, a crashed publish is reconciled first.')
    .action(
      withApp(io, async (app, postId: string | undefined, flags: { draft?: boolean }) => {
        const id = postId ?? latestUnpublishedPost(app.store(), openTargetName(app.config));
        if (!id) {
          if (app.store().prepare('SELECT 1 FROM posts LIMIT 1').get()) {
            emit(app, { ok: true, nothing: 'every stored post is already published' }, (r) => r.nothing);
            return;
          }
          throw new WebxError('there is no post to publish yet', { hint: 'generate one with `webxcreta run --no-publish` or `webxcreta run`' });
        }
        const published = await publishStep(app, id, { draft: flags.draft, signal: app.signal });
        emit(app, { ok: true, ...published }, (r) => `published ${r.postId}${flags.draft ? ' as a draft' : ''}: ${r.url}`);
      }),
    );
};
