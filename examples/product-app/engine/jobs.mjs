// The product's own job, loaded by the jobs engine (JOBS_MODULE). A plain object is a job
// definition: `name`, `description`, `examples` and `run`; `defineJob` from the engine only adds types.

/** Exports the orders as CSV in a few batches, reporting progress and honouring cancel. */
export const exportOrders = {
  name: 'export-orders',
  description: 'Export every order as a CSV file',
  examples: ['Start export (format: csv)'],
  defaultParams: { format: 'csv', batches: 8 },
  allowUnknownParams: true,
  concurrency: 3,
  async run(ctx) {
    const batches = Number(ctx.params.batches) || 8;
    for (let batch = 1; batch <= batches; batch++) {
      await ctx.sleep(500);
      ctx.progress({
        percent: Math.round((batch / batches) * 100),
        message: `Batch ${batch}/${batches}`,
        current: batch,
        total: batches,
      });
      ctx.log('info', `exported batch ${batch} of ${batches}`);
    }
    return { file: `orders-${ctx.runId}.${ctx.params.format ?? 'csv'}`, batches };
  },
};
