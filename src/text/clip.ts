/** Input from outside shortened for a message or a log line: at most `max` characters, marked when cut, controls shown as �. Pure. */
export function clip(text: string, max: number): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '\ufffd');
  return clean.length <= max ? clean : `${clean.slice(0, max)}…`;
}
