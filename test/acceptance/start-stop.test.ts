import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** `npm start` as a person runs it, in its own process group (as a terminal gives it one). */
function startNpm() {
  const child = spawn('npm', ['start'], {
    env: { ...process.env, PORT: '0', REDIS_URL: '', LOG_LEVEL: '', NODE_ENV: 'development' },
    detached: true, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (out.includes('Ctrl-C stops everything.')) { clearInterval(timer); resolve(); }
    }, 100);
    void exited.then(() => { clearInterval(timer); reject(new Error(`npm start exited early:\n${out}`)); });
  });
  return { child, ready, exited, output: () => out };
}

const groupAlive = (pgid: number): boolean => {
  try { process.kill(-pgid, 0); return true; } catch { return false; }
};

async function waitGone(pgid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return !groupAlive(pgid);
}

describe('starting and stopping npm start', () => {
  it.each([
    ['SIGTERM to its process group', (pid: number) => process.kill(-pid, 'SIGTERM')],
    ['SIGINT to its process group (Ctrl-C)', (pid: number) => process.kill(-pid, 'SIGINT')],
    ['SIGTERM to the npm process only', (pid: number) => process.kill(pid, 'SIGTERM')],
  ])('when it serves and gets %s, then it exits 0 with no process and no temp folder left', async (_how, signal) => {
    const run = startNpm();
    try {
      await run.ready;
      // Nothing before the summary may be a raw JSON log line.
      const beforeSummary = run.output().split('Receivables Desk — first run')[0]!;
      expect(beforeSummary).not.toMatch(/^\{"level"/m);
      const redisDir = /unix:\/\/(\/\S+)\/redis\.sock/.exec(run.output())?.[1];
      expect(redisDir && existsSync(redisDir)).toBe(true);
      signal(run.child.pid!);
      expect(await run.exited).toBe(0);
      expect(await waitGone(run.child.pid!, 10_000)).toBe(true);
      expect(existsSync(redisDir!)).toBe(false);
    } finally {
      // A failed expectation must not leave a backend serving: the whole group goes.
      if (groupAlive(run.child.pid!)) process.kill(-run.child.pid!, 'SIGKILL');
    }
  }, 120_000);
});
