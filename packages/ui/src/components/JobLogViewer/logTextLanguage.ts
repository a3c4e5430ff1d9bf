import type { LanguageFn } from 'highlight.js';

/**
 * highlight.js grammar for the plain text of a log line: URLs, quoted strings and numbers (with a
 * unit such as `20ms` or `45%`). Every rule is a single bounded match without nested quantifiers,
 * so a hostile line costs linear time. Single quotes count only around a whole word group
 * (`'users'`), never inside one, so "don't" and "it's" stay plain.
 */
export const logText: LanguageFn = () => ({
  name: 'log text',
  contains: [
    { scope: 'link', match: /\bhttps?:\/\/[^\s"'<>`]{1,2048}[^\s"'<>`.,;:!?)\]}]/ },
    { scope: 'string', match: /"[^"\r\n]{0,512}"/ },
    { scope: 'string', match: /(?<![\w'])'[^'\r\n]{1,512}'(?![\w'])/ },
    { scope: 'number', match: /(?<![\w.-])-?\d+(?:[.,]\d+)*(?:ms|s|m|h|%|[kKMG]i?B|B)?(?![\w])/ },
  ],
});
