/**
 * Reading a response body under a byte cap: chunks are counted as they stream in, and the request
 * (with its socket) is aborted as soon as the cap is passed, so an endless or huge body never
 * reaches memory. Undefined means "over the cap".
 */
export async function readCapped(body: AsyncIterable<Buffer> & { destroy(): void }, max: number, request: AbortController) {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > max) {
      body.destroy();
      request.abort();
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

