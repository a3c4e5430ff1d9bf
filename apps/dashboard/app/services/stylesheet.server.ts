import href from 'virtual:app-stylesheet';

/** The one stylesheet of the build's CSS modules (vite.config.ts, oneStylesheet); empty in dev. */
export const appStylesheet: string = href;
