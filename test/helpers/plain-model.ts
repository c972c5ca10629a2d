/** A model as plain JSON values: the typed-array columns of a loaded model read as arrays, so a built and a loaded model compare equal. */
export const plainModel = (m: unknown): unknown =>
  JSON.parse(JSON.stringify(m, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v)));
