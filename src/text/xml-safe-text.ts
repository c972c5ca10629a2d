/**
 * Text an Atom document can carry: without the characters XML 1.0 forbids (controls other than tab
 * and newline, U+FFFE, U+FFFF), whatever a reader or an AtomPub client sent.
 */
export function xmlSafeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

const XML_ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };

/** The one XML escaper: XML's five special characters escaped, and the characters XML 1.0 forbids dropped. */
export function escapeXml(text: string): string {
  return xmlSafeText(text).replace(/[<>&"']/g, (c) => XML_ENTITIES[c]!);
}
