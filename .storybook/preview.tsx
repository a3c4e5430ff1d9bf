import type { Decorator, Preview } from '@storybook/react-vite';
import { useEffect } from 'react';
import '../packages/ui/src/styles.css';

type Theme = 'light' | 'dark';

/**
 * Sets the theme on <html> as well as around the story: Radix portals (dialogs, popovers,
 * toasts) render under <body>, outside the story's wrapper, and must follow the theme too.
 */
const withTheme: Decorator = (Story, context) => {
  const theme: Theme = context.globals.theme === 'dark' ? 'dark' : 'light';
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <div
      data-theme={theme}
      style={{
        background: 'var(--jobs-bg)',
        color: 'var(--jobs-text)',
        font: 'var(--jobs-font-meta)',
        padding: 16,
      }}
    >
      <Story />
    </div>
  );
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withTheme],
  globalTypes: {
    theme: {
      description: 'Colour theme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light' },
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
    // Any axe violation fails the story's test (in Storybook and in `npm test`).
    a11y: { test: 'error' },
  },
};

export default preview;
