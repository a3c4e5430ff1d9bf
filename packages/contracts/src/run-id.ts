/** How a run is named to people: `#12847`. (Its own module, without zod: every page shows run ids.) */
export function displayRunId(id: string): string {
  return `#${id}`;
}
