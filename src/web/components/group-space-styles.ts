/** Layout of the group space's parts (inline: the page's own few rules, no global CSS). */
import type { CSSProperties } from 'react';

export const groupStyles = {
  /** Two texts side by side, stacked on a phone. */
  compare: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(14rem, 1fr))',
    gap: 'var(--ds-size-4)',
    marginBlock: 'var(--ds-size-3)',
  },
  text: {
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    padding: 'var(--ds-size-3)',
    border: '1px solid var(--ds-color-neutral-border-subtle)',
    borderRadius: 'var(--ds-border-radius-md)',
    background: 'var(--ds-color-neutral-background-default)',
    color: 'var(--ds-color-neutral-text-default)',
    minHeight: '3rem',
  },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 'var(--ds-size-4)' },
  slot: {
    display: 'flex',
    flexDirection: 'column',
    gap: 'var(--ds-size-2)',
    paddingBlockStart: 'var(--ds-size-3)',
    borderBlockStart: '1px solid var(--ds-color-neutral-border-subtle)',
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: 'var(--ds-size-3)', alignItems: 'flex-end' },
  answers: { display: 'flex', flexWrap: 'wrap', gap: 'var(--ds-size-1) var(--ds-size-5)' },
  part: { marginBlockStart: 'var(--ds-size-4)' },
  members: {
    listStyle: 'none',
    padding: 0,
    margin: 0,
    display: 'grid',
    gap: 'var(--ds-size-3)',
    gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))',
  },
  meetings: { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 'var(--ds-size-5)' },
} satisfies Record<string, CSSProperties>;
