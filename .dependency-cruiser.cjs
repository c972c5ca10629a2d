/**
 * The layering of src/ as rules for dependency-cruiser (`npm run lint:deps`, part of `npm test`).
 *
 *   base      src/config.ts, src/load-config.ts, src/errors.ts, src/rng.ts
 *   shared    src/text, src/model, src/atom, src/site             pure
 *   store     src/store                                            SQLite (one module per table), the model file
 *   stages    src/harvest; src/analyze, src/weight, src/generate   the last three pure
 *   edges     src/publish, src/box, src/supplied
 *   wiring    src/pipeline, then src/schedule
 *   top       src/cli (imported by nothing), src/index.ts (the public API, imported by nothing in src/)
 *
 * Each layer imports only from the layers below it or from itself. The one exception: a type-only
 * import (`import type`) of a `src/<folder>/types.ts` — plain serialisable data such as Corpus,
 * Analysis, Model, Post — is allowed from any layer, because those types are the contract between
 * the stages. Imports of src/cli and src/index.ts are left to their own rules (`cli-imported`,
 * `public-api-imported`), so each violation is reported once.
 *
 * "Pure" can only be checked as far as imports go: a pure module imports nothing that reaches the
 * file system, network, database, processes or clock (`pure-stage-io`); globals such as
 * `process.env`, `Date.now()` or `fetch` need review.
 */

/** Path patterns of each layer (paths are relative to the project, with forward slashes). */
const BASE = '^src/(config|load-config|errors|rng)\\.ts$';
const SHARED = '^src/(text|model|atom|site)/';
const STORE = '^src/store/';
const STAGES = '^src/(harvest|analyze|weight|generate)/';
const PURE_STAGES = '^src/(analyze|weight|generate)/';
const PURE = '^src/(analyze|weight|generate|text|model|atom|site)/';
const EDGES = '^src/(publish|box|supplied)/';
const PIPELINE = '^src/pipeline/';
const SCHEDULE = '^src/schedule/';
const CLI = '^src/cli/';
const API = '^src/index\\.ts$';

/** The stages' contract types. */
const CONTRACT_TYPES = '^src/[^/]+/types\\.ts$';

const anyOf = (...patterns) => `(${patterns.join('|')})`;

/** An npm package as dependency-cruiser resolves it (its files, or its @types), or unresolved. */
const npmPackage = (...names) => `(^|/)node_modules/(@types/)?(${names.join('|')})/|^(${names.join('|')})$`;

/** Modules that reach the file system, network, database, processes, environment or clock. */
const IO_MODULES = anyOf(
  '^(node:)?(fs|fs/promises|net|http|https|http2|tls|dgram|dns|dns/promises|child_process|worker_threads|cluster|readline|readline/promises|os|process|inspector|v8|vm|perf_hooks|timers|timers/promises)$',
  npmPackage('better-sqlite3', 'undici', 'sirv', 'node-cron', 'cli-progress', 'commander', 'playwright-core'),
);

/**
 * From `from`, nothing in `upper` — except a type-only import of a contract type. Two rules under
 * one name, because one rule cannot say "unless (type-only and types.ts)": the first forbids every
 * other file of those layers, the second a types.ts imported as a value.
 */
function layerRule(name, comment, from, upper) {
  return [
    {
      name,
      comment,
      severity: 'error',
      from: { path: from },
      to: { path: upper, pathNot: CONTRACT_TYPES },
    },
    {
      name,
      comment: `${comment} (A types.ts of a higher layer may be imported, but only with \`import type\`.)`,
      severity: 'error',
      from: { path: from },
      to: { path: `^(?=${upper})src/[^/]+/types\\.ts$`, dependencyTypesNot: ['type-only'] },
    },
  ];
}

module.exports = {
  forbidden: [
    ...layerRule(
      'base-imports-up',
      'The base (config, load-config, errors, rng) depends on nothing else in src/.',
      BASE,
      anyOf(SHARED, STORE, STAGES, EDGES, PIPELINE, SCHEDULE),
    ),
    ...layerRule(
      'shared-imports-up',
      'The shared pure modules (text, model, atom, site) import only the base and each other: a page renderer takes plain data, not a store row type.',
      SHARED,
      anyOf(STORE, STAGES, EDGES, PIPELINE, SCHEDULE),
    ),
    ...layerRule(
      'store-imports-up',
      'The store (SQLite, the model file) sits below the stages: it imports only the base and the shared modules (move a helper it needs from a stage down into store/ or a shared module).',
      STORE,
      anyOf(STAGES, EDGES, PIPELINE, SCHEDULE),
    ),
    ...layerRule(
      'stage-imports-up',
      'A stage (harvest, analyze, weight, generate) never imports the edges or the wiring: they call it, not the other way round (a stage\'s index.ts re-exports only its own modules).',
      STAGES,
      anyOf(EDGES, PIPELINE, SCHEDULE),
    ),
    ...layerRule(
      'pure-stage-store',
      'analyze, weight and generate are pure: no database, so no store (the pipeline reads the store and hands them plain data).',
      PURE_STAGES,
      STORE,
    ),
    ...layerRule(
      'edge-imports-up',
      'The edges (publish, box, supplied) are called by the wiring and the CLI; they never import the wiring.',
      EDGES,
      anyOf(PIPELINE, SCHEDULE),
    ),
    ...layerRule('pipeline-imports-schedule', 'The pipeline is wired below the schedule: it never imports it.', PIPELINE, SCHEDULE),
    {
      name: 'cli-imported',
      comment: 'The CLI is the top: nothing outside src/cli imports it, not even for a type (hand a module what it needs as arguments, not the App).',
      severity: 'error',
      from: { path: '^src/', pathNot: CLI },
      to: { path: CLI },
    },
    {
      name: 'public-api-imported',
      comment: 'src/index.ts is the entry for users of the package: nothing in src/ imports it (import the module itself).',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: API },
    },
    {
      name: 'pure-stage-io',
      comment:
        'analyze, weight, generate and the shared modules (text, model, atom, site) are pure: no file system, network, database, processes, environment or clock modules (the edges and the pipeline do the I/O).',
      severity: 'error',
      from: { path: PURE },
      to: { path: IO_MODULES, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'sql-outside-store',
      comment: 'All SQL lives in src/store: nothing else imports better-sqlite3 (take a Store and call a store function).',
      severity: 'error',
      from: { path: '^src/', pathNot: STORE },
      to: { path: npmPackage('better-sqlite3') },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles (type-only ones aside): they make the layering meaningless and the load order fragile.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves to a file or an installed package.',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
    {
      name: 'src-imports-dev-dependency',
      comment: 'src/ is what the package ships: it may not import a devDependency (those are for tests, benchmarks and scripts).',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are dependencies too (so `cli-imported` sees `import type { App }`).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
