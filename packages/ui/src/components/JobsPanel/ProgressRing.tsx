import styles from './JobsPanel.module.css';

const R = 15;
const CIRCUMFERENCE = 2 * Math.PI * R;

/** A ring around the toolbar icon for the combined progress of in-progress runs (like a browser's downloads). */
export function ProgressRing({ fraction }: { fraction: number | null }) {
  return (
    <svg
      className={styles.ring}
      viewBox="0 0 36 36"
      aria-hidden="true"
      data-state={fraction === null ? 'indeterminate' : 'determinate'}
    >
      <circle className={styles.ringTrack} cx="18" cy="18" r={R} />
      {fraction !== null && (
        <circle
          className={styles.ringFill}
          cx="18"
          cy="18"
          r={R}
          strokeDasharray={CIRCUMFERENCE}
          strokeDashoffset={CIRCUMFERENCE * (1 - fraction)}
        />
      )}
    </svg>
  );
}
