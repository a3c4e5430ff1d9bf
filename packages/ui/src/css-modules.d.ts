// Vite's client types declare `*.module.css`; this file keeps the declaration build (tsc) happy too.
declare module '*.module.css' {
  const classes: Readonly<Record<string, string>>;
  export default classes;
}
