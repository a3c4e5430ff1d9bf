import type { Meta, StoryObj } from '@storybook/react-vite';
import { useMemo } from 'react';
import { expect, userEvent } from 'storybook/test';
import { bigJson, HOSTILE_TEXT, RTL_TEXT } from '../../testing/fixtures.js';
import { JsonViewer, type JsonViewerProps } from './JsonViewer.js';

const meta = {
  title: 'Jobs/JsonViewer',
  component: JsonViewer,
  args: { label: 'Parameters', value: { userId: 8, batchSize: 100, candidateBatchSize: 500 } },
  parameters: {
    docs: {
      description: {
        component:
          'A JSON tree (react-json-view-lite: text only, never HTML). Values are cut to a bounded preview first (100 entries per level, 2,000 values, 2,000 characters per string), so 5 MB renders as fast as 5 kB; big trees start collapsed. `tooLarge` shows the size and a download link (only http(s) or same-origin paths become links).',
      },
    },
  },
} satisfies Meta<typeof JsonViewer>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const Nested: Story = {
  args: {
    label: 'Metadata',
    value: { totals: { users: 1250, scores: 62500 }, slow: [{ id: 1, ms: 40 }], ok: true, note: null },
  },
};
export const Empty: Story = { args: { value: null } };
export const TooLarge: Story = {
  args: { value: null, tooLarge: { bytes: 412_345, href: '/api/admin/jobs/12846/raw/params' } },
};

function Big(props: JsonViewerProps) {
  const value = useMemo(() => bigJson(5_000_000), []);
  return <JsonViewer {...props} value={value} />;
}

/** 5 MB: collapsed, cut to a preview; "Expand all" stays bounded. */
export const FiveMegabytes: Story = {
  render: (args) => <Big {...args} />,
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/Large value: showing the first/)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Expand all' }));
    await expect(canvas.getAllByRole('treeitem').length).toBeLessThanOrEqual(2001);
  },
};

export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 16 }}>
      <JsonViewer {...args} />
      <JsonViewer label="Metadata" value={null} />
      <JsonViewer label="Metadata" value={null} tooLarge={{ bytes: 5_242_880, href: '/raw/metadata' }} />
      <JsonViewer label="List" value={{ items: Array.from({ length: 150 }, (_, i) => i) }} />
    </div>
  ),
};

export const Hostile: Story = {
  args: {
    value: { [HOSTILE_TEXT]: HOSTILE_TEXT, rtl: RTL_TEXT, long: 'x'.repeat(10_000), __html: '<b>no</b>' },
    tooLarge: { bytes: 9_000_000, href: 'javascript:alert(1)' },
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('img, b, a')).toBeNull();
  },
};
