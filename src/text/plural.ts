/** "1 document", "2 documents": a count with its noun in the right number (regular plurals only). */
export function plural(n: number, noun: string, many = `${noun}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? noun : many}`;
}
