import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { HOSTILE_TEXT } from '../../testing/fixtures.js';
import { Button } from './Button.js';

const meta = {
  title: 'Foundations/Button',
  component: Button,
  args: { children: 'Details', onClick: fn() },
  parameters: {
    docs: {
      description: {
        component: 'The one button every component uses. `busy` shows a spinner; pair it with `disabled`.',
      },
    },
  },
} satisfies Meta<typeof Button>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Details' }));
    await expect(args.onClick).toHaveBeenCalledOnce();
  },
};
export const Primary: Story = { args: { variant: 'primary', children: 'Enqueue Job' } };
export const Danger: Story = { args: { variant: 'danger', children: 'Clean Up' } };
export const Ghost: Story = { args: { variant: 'ghost', children: 'Clear finished' } };
export const Small: Story = { args: { size: 'small', children: 'Cancel' } };
export const Busy: Story = {
  args: { busy: true, disabled: true, children: 'Stopping…' },
  play: async ({ canvas, args }) => {
    const button = canvas.getByRole('button', { name: 'Stopping…' });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAttribute('aria-busy', 'true');
    await userEvent.click(button);
    await expect(args.onClick).not.toHaveBeenCalled();
  },
};
export const AllStates: Story = {
  render: () => (
    <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
      {(['secondary', 'primary', 'danger', 'ghost'] as const).map((variant) => (
        <div key={variant} style={{ display: 'flex', gap: 8 }}>
          <Button variant={variant}>{variant}</Button>
          <Button variant={variant} size="small">
            {variant} small
          </Button>
          <Button variant={variant} disabled>
            {variant} disabled
          </Button>
          <Button variant={variant} busy disabled>
            {variant} busy
          </Button>
        </div>
      ))}
    </div>
  ),
};
export const Hostile: Story = { args: { children: HOSTILE_TEXT } };

/** A link with the button's look: it works before hydration and without JavaScript. */
export const AsLink: Story = {
  args: { href: '/admin/jobs/new', variant: 'primary', children: 'Run New Job' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('link', { name: 'Run New Job' })).toHaveAttribute(
      'href',
      '/admin/jobs/new',
    );
  },
};

/** The look lent to the host's own router link (`<Link>` in Remix or React Router). */
export const AsChild: Story = {
  args: {
    asChild: true,
    children: <a href="/admin/jobs/bulk">Bulk…</a>,
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('link', { name: 'Bulk…' })).toHaveAttribute('data-variant', 'secondary');
  },
};
