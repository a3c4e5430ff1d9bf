/** Pins everything that would make a screenshot differ from run to run. */
export const visualStyle = `
  :root, [data-theme] {
    --jobs-font-family: 'DejaVu Sans', sans-serif;
    --jobs-font-mono: 'DejaVu Sans Mono', monospace;
  }
  body { margin: 0; }
  body[data-fixed='true'] { min-height: 100vh; }
  *, *::before, *::after {
    animation: none !important;
    transition: none !important;
    caret-color: transparent !important;
  }
`;

/** `Jobs/JobRunCard` + `CancelPending` → `jobs-jobruncard--cancelpending`. */
export function storyFileName(title: string, exportName: string): string {
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  return `${slug(title)}--${slug(exportName)}`;
}
