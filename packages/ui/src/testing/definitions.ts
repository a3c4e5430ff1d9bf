/** Job definitions as the run modal receives them: with and without defaults, one not cancellable. */
import type { JobDefinition } from '@jobs/contracts';

export const definitions: JobDefinition[] = [
  {
    id: 'match-scores',
    name: 'match-scores',
    description: 'Compute match scores between users',
    examples: ['tsx scripts/runJobs.ts match-scores --userId=8 --batchSize=100 --candidateBatchSize=500'],
    defaultParams: { userId: 8, batchSize: 100, candidateBatchSize: 500 },
    cancellable: true,
  },
  {
    id: 'feed-presort',
    name: 'feed-presort',
    description: 'Presort every user feed',
    examples: ['tsx scripts/runJobs.ts feed-presort'],
    cancellable: true,
  },
  {
    id: 'media-metadata',
    name: 'media-metadata',
    description: 'Extract EXIF and dimensions from uploaded media',
    examples: ['tsx scripts/runJobs.ts media-metadata --since=2024-01-01'],
    defaultParams: { since: '2024-01-01', limit: 1000 },
    cancellable: false,
  },
];
