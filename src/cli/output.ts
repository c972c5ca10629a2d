/** Writing a command's result: JSON with --json, else the human text the command renders. */
import type { App } from './app.js';

export function emit<T>(app: App, result: T, human: (r: T) => string): void {
  if (app.json) app.io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    const text = human(result);
    if (text) app.io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }
}
