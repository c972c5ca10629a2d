/**
 * Marks that plain-text files carry but that are not prose (pure): fortune-file separators (a line
 * of `%` or `%%` between entries: an entry ends there) and Markdown emphasis written in plain text
 * (`*word*`, `**words**`, `_word_`, `__words__`: the words stay, the marks go). A `*` or `_` that is
 * not wrapped around words (`2 * 3`, `snake_case`, a `* ` bullet) is left alone.
 */
export function dropPlainTextMarks(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/^[ \t]*%%?[ \t]*$/gm, '\n')
    .replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])/gm, '$1$2')
    .replace(/(^|[^\w_])_(?=[^\s_])([^_\n]*?[^\s_])_(?![\w_])/gm, '$1$2');
}
