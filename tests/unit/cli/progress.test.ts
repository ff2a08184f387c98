import { describe, expect, it } from 'vitest';
import { progressLine } from '../../../src-main/cli/progress.js';

describe('CLI progress line', () => {
  it('rewrites one line per event in the user language and erases it when the job ends', () => {
    const written: string[] = [];
    const show = progressLine({ write: (text) => written.push(text) > 0 }, 'zh-CN');
    show({
      name: 'job.progress',
      payload: { jobId: 'job_aaaaaaaa', phase: 'store', done: 1, total: 3, item: 2, items: 5 },
    });
    show({ name: 'job.progress', payload: { jobId: 'job_aaaaaaaa', phase: 'package', done: 50, total: 50 } });
    show({ name: 'job.finished', payload: { jobId: 'job_aaaaaaaa', ok: true } });
    expect(written).toEqual(['\r\x1b[2K入库 · 第 2/5 个文件 33%', '\r\x1b[2K打包 100%', '\r\x1b[2K']);
  });

  it('speaks English when asked and leaves out the file number of a single-file job', () => {
    const written: string[] = [];
    const show = progressLine({ write: (text) => written.push(text) > 0 }, 'en');
    show({
      name: 'job.progress',
      payload: { jobId: 'job_aaaaaaaa', phase: 'resample', done: 0, total: 0, item: 1, items: 1 },
    });
    expect(written).toEqual(['\r\x1b[2KResampling 0%']);
  });
});
