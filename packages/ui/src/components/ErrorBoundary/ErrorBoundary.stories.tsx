import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent } from 'storybook/test';
import { HOSTILE_TEXT, RTL_TEXT } from '../../testing/fixtures.js';
import { Button } from '../Button/Button.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { ErrorFallback } from './ErrorFallback.js';

const meta = {
  title: 'Feedback/ErrorBoundary',
  component: ErrorFallback,
  args: { error: new Error('Cannot read properties of undefined (reading "progress")'), onRetry: fn() },
  parameters: {
    docs: {
      description: {
        component:
          '`<ErrorBoundary>` keeps one crashing section from blanking the page; `<ErrorFallback>` is what it shows: the message, optionally the stack, and "Try again". `resetKeys` reset it when, say, the route changes.',
      },
    },
  },
} satisfies Meta<typeof ErrorFallback>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const WithStack: Story = {
  args: {
    error: Object.assign(new Error('Boom'), {
      stack: 'Error: Boom\n    at JobRunCard (JobRunCard.tsx:42:7)\n    at renderWithHooks',
    }),
    showStack: true,
  },
};
export const WithoutRetry: Story = { args: { onRetry: undefined, title: 'Job history is unavailable' } };

function Bomb({ armed }: { armed: boolean }) {
  if (armed) throw new Error('Simulated render crash');
  return <p>Section content rendered.</p>;
}

function Recoverable() {
  const [armed, setArmed] = useState(true);
  return (
    <ErrorBoundary
      fallback={({ error, reset }) => (
        <ErrorFallback
          error={error}
          onRetry={() => {
            setArmed(false);
            reset();
          }}
        />
      )}
    >
      <Bomb armed={armed} />
      <Button onClick={() => setArmed(true)}>Crash again</Button>
    </ErrorBoundary>
  );
}

/** A section that throws shows the fallback; "Try again" renders it anew. */
export const CatchesAndRecovers: Story = {
  render: () => <Recoverable />,
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('Simulated render crash');
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(canvas.getByText('Section content rendered.')).toBeVisible();
  },
};

export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 16 }}>
      <ErrorFallback {...args} />
      <ErrorFallback {...args} title="Without retry" onRetry={undefined} />
      <ErrorFallback
        {...args}
        title="With stack"
        showStack
        error={Object.assign(new Error('Boom'), { stack: 'Error: Boom\n    at x (y.ts:1:1)' })}
      />
    </div>
  ),
};

export const Hostile: Story = {
  args: { error: new Error(`${HOSTILE_TEXT} ${RTL_TEXT} ${'x'.repeat(10_000)}`), title: HOSTILE_TEXT },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('img')).toBeNull();
  },
};
