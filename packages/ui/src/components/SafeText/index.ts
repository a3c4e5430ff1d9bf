export { type TextPart, type VisibleTextOptions, visibleParts, visibleText } from '../../lib/visibleText.js';
export { SafeText, type SafeTextProps } from './SafeText.js';
