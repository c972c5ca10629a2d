/**
 * Versioned migrations, applied in order inside one transaction each; `PRAGMA user_version` holds
 * the number of the last one applied. The first release grouped numbers by owner (1 core, 10–19
 * harvest, 20–29 analyze/weight, 40–49 publish/box). Because only the last number applied is kept,
 * a new migration must always take a number above the highest one here (42, 43, …), never a gap.
 */
import * as m001 from './001-initial.js';
import * as m010 from './010-harvest-indexes.js';
import * as m011 from './011-comments-seen.js';
import * as m020 from './020-analysis-indexes.js';
import * as m040 from './040-box.js';
import * as m041 from './041-publication-draft.js';
import * as m042 from './042-publish-owner.js';
import * as m045 from './045-box-state.js';

export interface Migration {
  version: number;
  name: string;
  up: string;
}

export const migrations: Migration[] = [
  { version: 1, name: 'initial', up: m001.up },
  { version: 10, name: 'harvest-indexes', up: m010.up },
  { version: 11, name: 'comments-seen', up: m011.up },
  { version: 20, name: 'analysis-indexes', up: m020.up },
  { version: 40, name: 'box', up: m040.up },
  { version: 41, name: 'publication-draft', up: m041.up },
  { version: 42, name: 'publish-owner', up: m042.up },
  { version: 45, name: 'box-state', up: m045.up },
].sort((a, b) => a.version - b.version);

export const latestVersion = migrations[migrations.length - 1].version;
