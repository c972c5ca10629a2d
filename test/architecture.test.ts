/**
 * The layering rules (.dependency-cruiser.cjs) are themselves tested: a throwaway tree under a
 * temporary folder breaks each rule once (a stage importing the CLI, a pure stage reading files,
 * SQL outside the store, …) and the real dependency-cruiser CLI must fail naming every rule, while
 * the allowed cases (a type-only import of a stage's types.ts, a downward import) pass. Then the
 * real src/ is checked against the rules, as `npm run lint:deps` does.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from './helpers/temp-dir.js';

const ROOT = resolve(import.meta.dirname, '..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

async function depcruise(cwd: string, args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [DEPCRUISE, 'src', '--config', CONFIG, '--output-type', 'err', ...args], { cwd });
    return { code: 0, output: stdout + stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, output: err.stdout + err.stderr };
  }
}

/** file → source; each "bad" file breaks the rule it is named after. */
const TREE: Record<string, string> = {
  'src/cli/app.ts': 'export interface App { name: string }\nexport const createApp = (): App => ({ name: "x" });\n',
  'src/harvest/types.ts': 'export interface Corpus { version: 1 }\n',
  'src/harvest/harvest-feeds.ts': 'export const harvestFeeds = () => 1;\n',
  'src/analyze/types.ts': 'export interface Analysis { version: 1 }\n',
  'src/store/ok.ts': "import type { Corpus } from '../harvest/types.js';\nexport const keep = (c: Corpus) => c;\n",
  'src/store/db.ts': "import Database from 'better-sqlite3';\nexport type Opened = ReturnType<typeof open>;\nexport const open = () => new Database(':memory:');\n",
  'src/weight/stage-imports-cli.ts': "import { createApp } from '../cli/app.js';\nexport const app = createApp();\n",
  'src/weight/stage-type-imports-cli.ts': "import type { App } from '../cli/app.js';\nexport const name = (a: App) => a.name;\n",
  'src/weight/ok.ts': "import type { Analysis } from '../analyze/types.js';\nimport { open } from '../store/db.js';\nexport const keep = (a: Analysis) => a;\nexport const db = open;\n",
  'src/generate/pure-stage-io.ts': "import { readFileSync } from 'node:fs';\nexport const read = () => readFileSync('x');\n",
  'src/store/store-imports-up.ts': "import { harvestFeeds } from '../harvest/harvest-feeds.js';\nexport const h = harvestFeeds;\n",
  'src/site/shared-imports-up.ts': "import type { Corpus } from '../harvest/types.js';\nimport { open } from '../store/db.js';\nexport const keep = (c: Corpus) => c;\nexport const o = open;\n",
  'src/box/sql-outside-store.ts': "import Database from 'better-sqlite3';\nexport const db = () => new Database(':memory:');\n",
  'src/store/value-import-of-types.ts': "import { Corpus } from '../harvest/types.js';\nexport const keep = (c: Corpus) => c;\n",
  'src/site/type-import-of-store.ts': "import type { Opened } from '../store/db.js';\nexport const keep = (o: Opened) => o;\n",
  'src/pipeline/cycle-a.ts': "import { b } from './cycle-b.js';\nexport const a = () => b();\n",
  'src/pipeline/cycle-b.ts': "import { a } from './cycle-a.js';\nexport const b = () => a();\n",
  'src/index.ts': "export { harvestFeeds } from './harvest/harvest-feeds.js';\n",
  'src/schedule/public-api-imported.ts': "import { harvestFeeds } from '../index.js';\nexport const h = harvestFeeds;\n",
  'src/text/dev-dependency.ts': "import { describe } from 'vitest';\nexport const d = describe;\n",
};

let tmp: ReturnType<typeof makeTempDir>;
let result: { code: number; output: string };

beforeAll(async () => {
  tmp = makeTempDir('webx-architecture-');
  for (const [file, source] of Object.entries(TREE)) {
    mkdirSync(dirname(join(tmp.dir, file)), { recursive: true });
    writeFileSync(join(tmp.dir, file), source);
  }
  writeFileSync(join(tmp.dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true }, include: ['src'] }));
  writeFileSync(join(tmp.dir, 'package.json'), JSON.stringify({ name: 'tree', type: 'module', dependencies: { 'better-sqlite3': '*' }, devDependencies: { vitest: '*' } }));
  symlinkSync(join(ROOT, 'node_modules'), join(tmp.dir, 'node_modules'), 'dir');
  result = await depcruise(tmp.dir, []);
}, 60_000);

afterAll(() => {
  unlinkSync(join(tmp.dir, 'node_modules')); // the link only, never the project's packages
  tmp.remove();
});

/** The violations the run reported, as "rule: from → to" (a package by its name, a file by its path in the tree). */
const violations = (): string[] =>
  [...result.output.matchAll(/error (\S+): (\S+) → (\S+)/g)].map((m) => `${m[1]}: ${m[2]} → ${m[3].replace(/^.*node_modules\/(@types\/)?([^/]+)\/.*$/, '$2')}`).sort();

describe('the layering rules', () => {
  it('should fail when a stage imports the CLI, naming the rule', () => {
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('error cli-imported: src/weight/stage-imports-cli.ts → src/cli/app.ts');
    expect(result.output).toContain('error cli-imported: src/weight/stage-type-imports-cli.ts → src/cli/app.ts');
  });

  it('should name every broken rule, and only the broken imports', () => {
    expect(violations()).toEqual(
      [
        'cli-imported: src/weight/stage-imports-cli.ts → src/cli/app.ts',
        'cli-imported: src/weight/stage-type-imports-cli.ts → src/cli/app.ts',
        'public-api-imported: src/schedule/public-api-imported.ts → src/index.ts',
        'pure-stage-io: src/generate/pure-stage-io.ts → fs',
        'pure-stage-store: src/weight/ok.ts → src/store/db.ts',
        'shared-imports-up: src/site/shared-imports-up.ts → src/store/db.ts',
        'shared-imports-up: src/site/type-import-of-store.ts → src/store/db.ts',
        'sql-outside-store: src/box/sql-outside-store.ts → better-sqlite3',
        'src-imports-dev-dependency: src/text/dev-dependency.ts → vitest',
        'store-imports-up: src/store/store-imports-up.ts → src/harvest/harvest-feeds.ts',
        'store-imports-up: src/store/value-import-of-types.ts → src/harvest/types.ts',
      ].sort(),
    );
    expect(result.output).toMatch(/error no-circular: src\/pipeline\/cycle-[ab]\.ts →/);
  });
});

describe('src/', () => {
  it('should keep to the layering rules', async () => {
    const real = await depcruise(ROOT, []);
    expect(real.output).not.toMatch(/error /);
    expect(real.code).toBe(0);
  }, 60_000);
});
