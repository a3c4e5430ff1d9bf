import { hostileEntries, hostileText } from '@jobs/contracts/testing';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { SafeText } from './SafeText.js';

const meta = {
  title: 'Text/SafeText',
  component: SafeText,
  args: { text: 'match-scores' },
  parameters: {
    docs: {
      description: {
        component:
          'User or job text shown as data: isolated in a `<bdi>`, with control, bidi-formatting and zero-width characters as JSON-style escapes (`\\r\\n`, `\\u0000`, `\\u202E`), so `\\u202Emoc.elpmaxe@a` never reads as "a@example.com" and a CRLF never starts a new row. `visibleText()` does the same for attributes and `<option>`s.',
      },
    },
  },
} satisfies Meta<typeof SafeText>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const RightToLeftOverride: Story = {
  args: { text: hostileText.bidiEmail },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.textContent).toContain('\\u202Emoc.elpmaxe@a');
  },
};

export const Multiline: Story = {
  args: { text: 'Error: Database timeout\r\n    at query (db.ts:42:11)\n    at run', multiline: true },
  render: (args) => (
    <pre style={{ margin: 0 }}>
      <SafeText {...args} />
    </pre>
  ),
};

/** The whole hostile corpus (the 10 kB string cut to its end), one row each: one line, no markup. */
export const Hostile: Story = {
  render: () => (
    <table style={{ borderCollapse: 'collapse', font: 'var(--jobs-font-meta)' }}>
      <tbody>
        {hostileEntries.map(([name, text]) => (
          <tr key={name} style={{ borderBottom: '1px solid var(--jobs-border)' }}>
            <th scope="row" style={{ textAlign: 'left', paddingRight: 16 }}>
              {name}
            </th>
            <td style={{ whiteSpace: 'pre' }}>
              Shown: <SafeText text={name === 'long' ? text.slice(-40) : text} /> (end)
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  ),
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('img, script, svg, b')).toBeNull();
    await expect(canvasElement.textContent).not.toContain('a@example.com');
  },
};

export const AllStates: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: 8 }}>
      <SafeText text="match-scores" />
      <SafeText text={hostileText.rtl} />
      <SafeText text={hostileText.bidiEmail} />
      <SafeText text={hostileText.crlf} />
      <SafeText text={hostileText.c0Controls} />
      <SafeText text={hostileText.c1Controls} />
    </div>
  ),
};
