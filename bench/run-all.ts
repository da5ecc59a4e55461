/** `npm run bench`: every benchmark, one after another, each printing its own figures and ratios. */
import { spawnSync } from 'node:child_process';

const BENCHES = ['bench:detect', 'bench:corpus', 'bench:crawl', 'bench:scale'];
let failed = 0;
for (const name of BENCHES) {
  process.stdout.write(`\n===== npm run ${name} =====\n`);
  const r = spawnSync('npm', ['run', '--silent', name], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
