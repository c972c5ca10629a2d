/**
 * Each source's share of the weight under a given damping, from its token count and kind alone:
 * the same S_s as `weighDocuments` (a source's share depends only on its damped token mass and
 * the own/others split). Used to compare dampings side by side (inspect, the weight plot).
 */
import { dampings, type Damping } from '../model/damping.js';
import type { SourceShare } from '../model/types.js';

type SourceMass = Pick<SourceShare, 'tokens' | 'kind'>;

export function shareSources(sources: SourceMass[], damping: Damping, ownShare: number): number[] {
  const damp = dampings[damping];
  const mass = sources.map((s) => damp(s.tokens));
  const isOwn = sources.map((s) => s.kind === 'own');
  const ownMass = mass.reduce((a, m, i) => a + (isOwn[i] ? m : 0), 0);
  const otherMass = mass.reduce((a, m, i) => a + (isOwn[i] ? 0 : m), 0);
  const split = ownMass > 0 && otherMass > 0;
  return mass.map((m, i) => {
    const groupMass = isOwn[i] ? ownMass : otherMass;
    if (groupMass === 0) return 0;
    const groupShare = split ? (isOwn[i] ? ownShare : 1 - ownShare) : 1;
    return (m / groupMass) * groupShare;
  });
}
