/**
 * Damping turns a raw count into a weight. Log-squared, `(ln(1 + n))^2`, grows without bound
 * (no voice is silenced) but far slower than the count (no majority takes over).
 */

export type Damping = 'log-squared' | 'log' | 'linear';

export type DampFn = (n: number) => number;

export const logSquared: DampFn = (n) => {
  const l = Math.log1p(Math.max(0, n));
  return l * l;
};

export const logOnly: DampFn = (n) => Math.log1p(Math.max(0, n));

export const linear: DampFn = (n) => Math.max(0, n);

export const dampings: Record<Damping, DampFn> = {
  'log-squared': logSquared,
  log: logOnly,
  linear,
};
