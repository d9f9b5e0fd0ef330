/**
 * A real RFC 3161 timestamp authority on 127.0.0.1 for tests and the e2e server: OpenSSL's
 * `openssl ts -reply` behind a few lines of HTTP (see /work/shared/reference/local-tsa.md). Real
 * authorities are outside the test network; this one signs with keys generated at each start in a
 * temp dir (never committed), so every run has its own root.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type LocalTsa = {
  /** POST application/timestamp-query here. */
  url: string;
  /** PEM file holding this authority's root certificate (what TSA_TRUST_FILE points to). */
  trustFile: string;
  caPem: string;
  /** The TSA's signing certificate (PEM), e.g. for `openssl ts -verify -untrusted`. */
  tsaCertPem: string;
  dir: string;
  close(): Promise<void>;
};

function config(dir: string, name: string): string {
  return `[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = ${name}
[ tsa_ext ]
basicConstraints = critical,CA:false
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = critical,timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
dir = ${dir}
serial = ${dir}/tsaserial
crypto_device = builtin
signer_cert = ${dir}/tsa.crt
certs = ${dir}/ca.crt
signer_key = ${dir}/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = yes
ess_cert_id_alg = sha256
`;
}

/** Makes a root and a TSA certificate with the critical timeStamping EKU in `dir`. */
async function makeKeys(dir: string, name: string, key: 'rsa' | 'ec') {
  const newKey = key === 'rsa' ? ['-newkey', 'rsa:2048'] : ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'];
  const cnf = path.join(dir, 'tsa.cnf');
  await writeFile(cnf, config(dir, name));
  const opts = { cwd: dir };
  await run('openssl', [
    'req', '-x509', ...newKey, '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '3650',
    '-subj', `/CN=${name} Root`,
    '-addext', 'basicConstraints=critical,CA:true', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ], opts);
  await run('openssl', ['req', ...newKey, '-nodes', '-keyout', 'tsa.key', '-out', 'tsa.csr', '-config', cnf], opts);
  await run('openssl', [
    'x509', '-req', '-in', 'tsa.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'tsa.crt',
    '-days', '3650', '-extfile', cnf, '-extensions', 'tsa_ext',
  ], opts);
  await writeFile(path.join(dir, 'tsaserial'), '01\n');
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) reject(new Error('query too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Starts an authority named `name` (distinct names let a test run a second, untrusted one), with
 * RSA-2048 keys or, with `key: 'ec'`, P-256 ones.
 * Requests are answered one at a time: `openssl ts -reply` keeps its serial number in a file.
 */
export async function startLocalTsa(name = 'Test TSA', options: { key?: 'rsa' | 'ec' } = {}): Promise<LocalTsa> {
  const dir = await mkdtemp(path.join(tmpdir(), 'local-tsa-'));
  await makeKeys(dir, name, options.key ?? 'rsa');
  const cnf = path.join(dir, 'tsa.cnf');
  let queue: Promise<unknown> = Promise.resolve();
  let counter = 0;

  async function reply(query: Buffer): Promise<Buffer> {
    counter += 1;
    const queryFile = path.join(dir, `q${counter}.tsq`);
    const replyFile = path.join(dir, `r${counter}.tsr`);
    await writeFile(queryFile, query);
    await run('openssl', ['ts', '-reply', '-config', cnf, '-queryfile', queryFile, '-out', replyFile], { cwd: dir });
    const answer = await readFile(replyFile);
    await Promise.all([rm(queryFile, { force: true }), rm(replyFile, { force: true })]);
    return answer;
  }

  const server = http.createServer((req, res) => {
    if (req.method !== 'POST' || req.headers['content-type'] !== 'application/timestamp-query') {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('POST an application/timestamp-query');
      return;
    }
    readBody(req, 64 * 1024)
      .then((query) => {
        const answer = queue.then(() => reply(query));
        queue = answer.catch(() => undefined);
        return answer;
      })
      .then((answer) => res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(answer))
      .catch(() => res.writeHead(500, { 'content-type': 'text/plain' }).end('timestamp failed'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const caPem = await readFile(path.join(dir, 'ca.crt'), 'utf8');
  const tsaCertPem = await readFile(path.join(dir, 'tsa.crt'), 'utf8');
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    trustFile: path.join(dir, 'ca.crt'),
    caPem,
    tsaCertPem,
    dir,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
