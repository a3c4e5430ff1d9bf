import { memo, type ReactNode } from 'react';

/**
 * One row's content, memoized on the id: scrolling or another run's update does not re-render it.
 * Both list layouts (plain and virtual) render their rows through it.
 */
export const RunRow = memo(function RunRow({
  id,
  renderRun,
}: {
  id: string;
  renderRun: (id: string) => ReactNode;
}) {
  return <>{renderRun(id)}</>;
});
