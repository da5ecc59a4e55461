/**
 * A local RFC 3161 time-stamping authority for tests, built on Debian's `openssl ts`: a self-made CA, a TSA
 * certificate signed by it with critical extendedKeyUsage timeStamping, and a tiny HTTP server on 127.0.0.1:0 that
 * pipes each query to `openssl ts -reply` (which itself refuses to sign with a certificate lacking that usage).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface LocalTsa {
  url: string;
  caPem: string;
  requests: number;
  close(): Promise<void>;
}

const openssl = (args: string[], cwd: string) =>
  execFileSync('openssl', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });

export interface LocalTsaOptions {
  /** Subject of the TSA certificate (a forger would borrow a well-known TSA's name). */
  subject?: string;
  /** Days the TSA certificate is valid, from now (1: a certificate that expires tomorrow). */
  days?: number;
}

export async function startLocalTsa(options: LocalTsaOptions = {}): Promise<LocalTsa> {
  const dir = mkdtempSync(path.join(tmpdir(), 'phenix-tsa-'));
  writeFileSync(
    path.join(dir, 'tsa.cnf'),
    `[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
dir = ${dir}
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/tsa.pem
certs = $dir/ca.pem
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
[ tsa_ext ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = critical, timeStamping
`,
  );
  writeFileSync(path.join(dir, 'serial'), '01\n');
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '3650',
      '-subj',
      '/CN=Test TSA CA/O=Phenix tests',
    ],
    dir,
  );
  openssl(
    [
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      'tsa.key',
      '-out',
      'tsa.csr',
      '-subj',
      options.subject ?? '/CN=Test TSA/O=Phenix tests',
    ],
    dir,
  );
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'tsa.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'tsa.pem',
      '-days',
      String(options.days ?? 3650),
      '-extfile',
      'tsa.cnf',
      '-extensions',
      'tsa_ext',
    ],
    dir,
  );
  let n = 0;
  const tsa: LocalTsa = {
    url: '',
    caPem: readFileSync(path.join(dir, 'ca.pem'), 'utf8'),
    requests: 0,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      tsa.requests += 1;
      n += 1;
      const query = path.join(dir, `q${n}.tsq`);
      const reply = path.join(dir, `r${n}.tsr`);
      try {
        writeFileSync(query, Buffer.concat(chunks));
        openssl(['ts', '-reply', '-config', 'tsa.cnf', '-queryfile', query, '-out', reply], dir);
        res.writeHead(200, { 'Content-Type': 'application/timestamp-reply' });
        res.end(readFileSync(reply));
      } catch (error) {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(String((error as Error).message));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  tsa.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
  return tsa;
}
