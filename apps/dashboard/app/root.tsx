import uiCss from '@jobs/ui/styles.css?url';
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  type ShouldRevalidateFunction,
  useFetcher,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import type { ReactNode } from 'react';
import appCss from './app.css?url';
import { useNonce } from './nonce.js';
import { appStylesheet } from './services/stylesheet.server.js';
import { parseTheme, themeAttribute } from './services/theme.js';
import { themeOf } from './services/theme-cookie.server.js';

export const meta: MetaFunction = () => [{ title: 'Jobs Console' }];
export const links: LinksFunction = () => [
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
  { rel: 'stylesheet', href: uiCss },
  { rel: 'stylesheet', href: appCss },
];

/** The remembered theme, so the server renders the right `data-theme` and the first paint is right. */
export function loader({ request }: LoaderFunctionArgs) {
  return { theme: themeOf(request), stylesheet: appStylesheet };
}

/** Only a theme change alters what the root knows. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, defaultShouldRevalidate }) =>
  formAction === '/theme' ? defaultShouldRevalidate : false;

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  // The theme being posted by the top bar's switch wins over the loader's until the cookie is back.
  const pending = parseTheme(useFetcher({ key: 'theme' }).formData?.get('theme'));
  const rootData = useRouteLoaderData<typeof loader>('root');
  const remembered = rootData?.theme;
  const theme = pending ?? remembered ?? 'system';
  return (
    <html lang="en" data-theme={themeAttribute(theme)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {rootData?.stylesheet ? <link rel="stylesheet" href={rootData.stylesheet} /> : null}
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const title = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : 'Something went wrong';
  return (
    <main className="page page--narrow">
      <h1>{title}</h1>
      <p>
        <a href="/admin">Back to the dashboard</a>
      </p>
    </main>
  );
}
