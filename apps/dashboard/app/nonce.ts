import { createContext, useContext } from 'react';

/**
 * This request's CSP nonce, provided by entry.server.tsx while rendering. In the browser it is empty:
 * browsers hide a nonce attribute once the page loaded, so the empty value also keeps hydration in
 * agreement with what the DOM reports.
 */
export const NonceContext = createContext('');
export const useNonce = () => useContext(NonceContext);
