// Build-only entry: pulls the tokens into dist/styles.css (Vite refuses a bare CSS entry when
// all CSS goes into one file). Its empty JS output is deleted by scripts/build.mjs.
import '../src/styles.css';
