/** `webxcreta posts list|update ID|retract ID`: the stored posts and where they are published. */
import type { Command } from 'commander';
import { listPublications, onCanonicalBox, type Publication } from '../../publish/index.js';
import { retractStep, updateStep } from '../../pipeline/publish-step.js';
import { readPosts } from '../../store/posts.js';
import type { Io } from '../app.js';
import { emit } from '../output.js';
import { withApp } from '../with-app.js';
import { toTarget } from './publish.js';
import type { RegisterCommand } from './index.js';

interface PostRow {
  id: string;
  title: string;
  createdAt: string;
  publications: Array<Pick<Publication, 'target' | 'state' | 'draft' | 'url' | 'editUrl' | 'remoteId' | 'attempts' | 'lastError' | 'updatedAt'>>;
}

export const registerPosts: RegisterCommand = (program: Command, io: Io) => {
  const posts = program.command('posts').description('list the generated posts; update or retract a published one');
  posts
    .command('list')
    .description('every stored post, newest first, with where it is published')
    .action(
      withApp(io, async (app) => {
        const pubs = listPublications(app.store());
        const rows: PostRow[] = readPosts(app.store())
          .reverse()
          .map((p) => ({
            id: p.id,
            title: p.title.text,
            createdAt: p.createdAt,
            publications: pubs
              .filter((x) => x.postId === p.id)
              .map(({ target, state, draft, url, editUrl, remoteId, attempts, lastError, updatedAt }) => ({
                target,
                state,
                draft,
                // A post on the box is shown at the blog's canonical address, whatever port it was published through.
                url: onCanonicalBox(url, target, app.config.publish, app.config.box),
                editUrl,
                remoteId,
                attempts,
                lastError,
                updatedAt,
              })),
          }));
        emit(app, { ok: true, posts: rows }, (r) => r.posts.map(renderRow).join('\n') || 'no posts yet');
      }, undefined, 'read'),
    );
  posts
    .command('update')
    .argument('<post-id>')
    .description('send the post again to where it is published (AtomPub PUT, WordPress update, the static file rewritten), e.g. after changing the blog\'s name or author')
    .option('--draft', 'make it a draft (off the blog)')
    .option('--no-draft', 'take it out of draft (onto the blog)')
    .option('--to <target>', 'the target it was published on, when not publish.target: box, atompub, wordpress or static')
    .action(
      withApp(io, async (app, id: string, flags: { draft?: boolean }) => {
        const pub = await updateStep(app, id, { draft: flags.draft });
        emit(app, { ok: true, ...pub }, (r) => `updated ${r.postId} on ${r.target}: ${r.url ?? r.editUrl}`);
      }, toTarget),
    );
  posts
    .command('retract')
    .argument('<post-id>')
    .description('take the published post off the blog (AtomPub DELETE, WordPress trash, the static file removed); it stays in the database')
    .option('--to <target>', 'the target it was published on, when not publish.target: box, atompub, wordpress or static')
    .action(
      withApp(io, async (app, id: string) => {
        const pub = await retractStep(app, id);
        emit(app, { ok: true, ...pub }, (r) => `retracted ${r.postId} from ${r.target}`);
      }, toTarget),
    );
};

function renderRow(r: PostRow): string {
  const where = r.publications.map((p) => `    ${p.state}${p.draft ? ' (draft)' : ''} on ${p.target}${p.url ? `: ${p.url}` : ''}${p.lastError ? ` (last error: ${p.lastError})` : ''}`);
  return [`${r.id}  ${r.createdAt.slice(0, 16).replace('T', ' ')}  ${r.title}`, ...(where.length ? where : ['    not published'])].join('\n');
}
