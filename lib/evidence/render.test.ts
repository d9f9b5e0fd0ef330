/**
 * How the capture renderer starts Chromium (render.ts browserLaunchOptions), checked on the running
 * browser's processes: it parses hostile pages, so it must not hold the app's secrets, and it is
 * background work, so it must run below the app's CPU priority.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { browserLaunchOptions } from './render';

const SECRET = `render-test-secret-${process.pid}`;
const saved = { AUTH_SECRET: process.env.AUTH_SECRET, DATABASE_URL: process.env.DATABASE_URL };

afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

/** A process's niceness: the lowest of its threads' (Chromium sets its threads' priorities one by one). */
function niceness(pid: number): number {
  const values = readdirSync(`/proc/${pid}/task`).flatMap((tid) => {
    try {
      return [Number(statFields(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8'))[16])];
    } catch {
      return [];
    }
  });
  return Math.min(...values);
}

/** The fields of a /proc stat line after the command's closing parenthesis: state, ppid, … (niceness is [16]). */
const statFields = (stat: string) => stat.slice(stat.lastIndexOf(')') + 2).split(' ');

/** Every process descended from this one: pid, niceness and environment (Linux /proc). */
function descendants(): { pid: number; nice: number; environ: string; command: string }[] {
  const all = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => {
      try {
        const fields = statFields(readFileSync(`/proc/${entry}/stat`, 'utf8'));
        return [{ pid: Number(entry), ppid: Number(fields[1]) }];
      } catch {
        return []; // gone meanwhile
      }
    });
  const ours = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) {
      if (ours.has(p.pid) || !ours.has(p.ppid)) continue;
      ours.add(p.pid);
      grew = true;
    }
  }
  return all
    .filter((p) => p.pid !== process.pid && ours.has(p.pid))
    .flatMap((p) => {
      try {
        const command = readFileSync(`/proc/${p.pid}/cmdline`, 'utf8');
        return [{ pid: p.pid, nice: niceness(p.pid), environ: readFileSync(`/proc/${p.pid}/environ`, 'utf8'), command }];
      } catch {
        return [];
      }
    });
}

describe('the browser that renders captures', () => {
  it("runs at a lower CPU priority, without the app's secrets in its environment", async () => {
    process.env.AUTH_SECRET = SECRET;
    process.env.DATABASE_URL = `postgres://user:${SECRET}@db.example.org/cases`;
    const browser = await chromium.launch({ ...browserLaunchOptions(), headless: true });
    try {
      const page = await browser.newPage();
      await page.setContent('<p>rendered</p>');
      await page.pdf();
      const processes = descendants().filter((p) => p.command.includes('chrom'));
      expect(processes.length).toBeGreaterThan(1); // the browser and at least its renderer
      for (const p of processes) {
        expect(p.nice, p.command.split('\0')[0]).toBeGreaterThanOrEqual(10);
        expect(p.environ).not.toContain(SECRET);
      }
      // The check reads real environments (Chromium's helpers write their title over theirs).
      expect(processes.some((p) => p.environ.includes('PATH='))).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
