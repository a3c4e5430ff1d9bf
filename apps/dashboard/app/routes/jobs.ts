import { redirect } from '@remix-run/node';

/** `/jobs` is where people guess the Job Manager lives: send them there (filters kept). */
export const loader = ({ request }: { request: Request }) =>
  redirect(`/admin/jobs${new URL(request.url).search}`, 301);
