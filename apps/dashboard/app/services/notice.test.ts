import { describe, expect, it } from 'vitest';
import { noticeOf, onlyNoticeLeft, withNotice, withoutNotice } from './notice.js';

const url = (path: string) => new URL(path, 'http://127.0.0.1');

describe('action notices', () => {
  it('travel in the URL and are read back, and only well-formed ones', () => {
    const path = withNotice('/admin/jobs?status=FAILED#active', 'enqueued', '12');
    expect(path).toBe('/admin/jobs?status=FAILED&notice=enqueued%3A12#active');
    expect(noticeOf(url(path).search)).toEqual({ kind: 'enqueued', runId: '12', text: 'Job enqueued: #12' });
    expect(noticeOf('?notice=enqueued:<b>')).toBeNull();
    expect(withoutNotice(url(path).search)).toBe('?status=FAILED');
  });

  it('taking a shown notice out of the URL is told apart from every other navigation', () => {
    const shown = url('/admin/jobs?status=FAILED&notice=enqueued:12');
    expect(onlyNoticeLeft(shown, url('/admin/jobs?status=FAILED'))).toBe(true);
    expect(onlyNoticeLeft(shown, url('/admin/jobs'))).toBe(false);
    expect(onlyNoticeLeft(shown, url('/admin/jobs/new?status=FAILED'))).toBe(false);
    expect(onlyNoticeLeft(url('/admin/jobs?status=FAILED'), url('/admin/jobs?status=FAILED'))).toBe(false);
  });
});
