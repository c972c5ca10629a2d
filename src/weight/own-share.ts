/**
 * The bot's own voice grows in as it writes. `ownShare` is the share its own posts reach once it
 * has many; with few it is approached gradually, `ownShare · (1 − e^(−posts / rampPosts))`, so a
 * bot with one past post does not take a quarter of its next post from that single post
 * (1 post → 10% of ownShare, 10 posts → 63%, 30 posts → 95%, with the default ramp of 10).
 */
export function effectiveOwnShare(ownShare: number, ownPosts: number, rampPosts: number | undefined): number {
  if (!rampPosts || rampPosts <= 0) return ownShare;
  return ownShare * (1 - Math.exp(-ownPosts / rampPosts));
}
