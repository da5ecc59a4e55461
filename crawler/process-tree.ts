/**
 * The memory of this process and everything it started (Chromium's browser, zygotes, renderers, GPU and utility
 * processes), read from /proc. Chromium runs as another user when Phénix is root (bin/phenix-chromium), so CDP
 * inside a hung renderer cannot be relied on; /proc answers whatever the page's script is doing. Linux only: on
 * another system the tree is empty and nothing is watched.
 */
import { readdir, readFile } from 'node:fs/promises';

export interface TreeProcess {
  pid: number;
  ppid: number;
  /** Resident set size in bytes. */
  rss: number;
  /** Proportional set size in bytes (shared pages divided among their users), when asked for. */
  pss?: number;
  /** Chromium's `--type=` (renderer, gpu-process, utility, zygote…); 'browser' for Chromium itself; null otherwise. */
  chromiumType: string | null;
}

async function readProcess(pid: number): Promise<TreeProcess | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    const name = /Name:\s+(\S+)/.exec(status)?.[1] ?? '';
    let chromiumType: string | null = null;
    if (/chrom/i.test(name)) {
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
      chromiumType = /--type=([a-z-]+)/.exec(cmdline)?.[1] ?? 'browser';
    }
    return { pid, ppid, rss, chromiumType };
  } catch {
    return null; // The process ended while we looked.
  }
}

async function pssOf(pid: number): Promise<number | undefined> {
  const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '');
  const kb = /Pss:\s+(\d+)/.exec(rollup)?.[1];
  return kb ? Number(kb) * 1024 : undefined;
}

/** `root` (default: this process) and all its descendants; `withPss` reads smaps_rollup too (slower). */
export async function processTree(root = process.pid, withPss = false): Promise<TreeProcess[]> {
  let entries: string[];
  try {
    entries = await readdir('/proc');
  } catch {
    return [];
  }
  const parents = new Map<number, number>();
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
    // Fields after the command name (which may hold spaces and parentheses): state, ppid, …
    const ppid = stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : Number.NaN;
    if (Number.isInteger(ppid)) parents.set(pid, ppid);
  }
  const mine = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!mine.has(pid) && mine.has(ppid)) {
        mine.add(pid);
        grew = true;
      }
    }
  }
  const found = (await Promise.all([...mine].map(readProcess))).filter((p): p is TreeProcess => p !== null);
  if (withPss) for (const p of found) p.pss = await pssOf(p.pid);
  return found;
}
