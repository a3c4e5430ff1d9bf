// A bare pg-boss worker for the benchmark's baseline: completes no-op jobs of one queue.
import PgBoss from 'pg-boss';

const boss = new PgBoss({
  connectionString: process.env.DATABASE_URL,
  max: 4,
  schedule: false,
  supervise: false,
});
boss.on('error', () => {});
await boss.start();
await boss.work(process.env.QUEUE, { batchSize: 32, pollingIntervalSeconds: 0.5 }, async () => {});
process.stdout.write('ready\n');
process.on('SIGTERM', () => boss.stop({ graceful: false, close: true }).then(() => process.exit(0)));
