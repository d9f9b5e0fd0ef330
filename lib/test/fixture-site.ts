/**
 * A local web site for capture tests (unit and e2e): a real HTTP server on 127.0.0.1 serving a
 * fixture article and every awkward case the fetcher must handle. Requests are counted per path,
 * so a test can tell whether the renderer fetched the page again.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Distinctive sentences of the fixture article, for asserting the readable text. */
export const ARTICLE_SENTENCES = [
  'On the morning of 14 March the police detained Aigerim Nurlanovna outside the regional court in Oral.',
  'Witnesses said four officers in plain clothes led her to an unmarked white minivan without explanation.',
  'Her lawyer was refused access to the detention centre for two days, according to the monitoring group.',
  'The court later sentenced her to fifteen days of administrative arrest for an unsanctioned picket.',
];
/** The sentence the edited variant adds (the "live page changed" case). */
export const EDITED_SENTENCE = 'Update: the regional prosecutor has since opened an inquiry into the detention.';
/** Text a script on the article would write if scripts ran (they must not). */
export const SCRIPT_MARKER = 'SCRIPT-RAN-IN-CAPTURE';

function articleHtml(edited: boolean, extraHead = '', extraBody = ''): string {
  const paragraphs = [...ARTICLE_SENTENCES, ...(edited ? [EDITED_SENTENCE] : [])]
    .map((s) => `<p>${s} ${'The account was confirmed by two independent observers present at the scene. '.repeat(2)}</p>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Activist detained outside court in Oral</title>
<meta property="og:site_name" content="Fixture News">${extraHead}</head>
<body><header><nav><a href="/">Home</a> | <a href="/world">World</a></nav></header>
<main><article><h1>Activist detained outside court in Oral</h1>
<p class="byline">By Fixture Reporter</p>
${paragraphs}
</article></main>${extraBody}
<script>document.body.innerHTML = '<h1>${SCRIPT_MARKER}</h1>';</script>
<footer>Fixture News footer</footer></body></html>`;
}

/** A 1x1 transparent PNG. */
export const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

export type FixtureSite = {
  origin: string;
  /** The same site over https (when started with `https: true`), and its self-signed certificate. */
  httpsOrigin?: string;
  caPem?: string;
  close(): Promise<void>;
  /**
   * Switches the article to its edited variant (also GET /__edited?on=1|0 from another process).
   * GET /__hits answers the request count per path and query, as JSON.
   */
  setEdited(edited: boolean): void;
  /** How many requests each path has had. */
  hits: Map<string, number>;
  /** The Cookie header of the last request to /echo-cookie (undefined when none was sent). */
  lastCookie(): string | undefined;
  /** Bytes the size-limit routes have written before the client went away. */
  largeBytesSent(): number;
};

/**
 * The same site over https with a self-signed certificate for 127.0.0.1, made per start with
 * OpenSSL in a temporary folder (never committed); tests trust it through the fetcher's `ca`.
 */
async function startHttps(handler: http.RequestListener) {
  const dir = mkdtempSync(path.join(tmpdir(), 'fixture-tls-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=Fixture News', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  const certPem = readFileSync(cert, 'utf8');
  const server = https.createServer({ key: readFileSync(key), cert: certPem }, handler);
  rmSync(dir, { recursive: true, force: true });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://127.0.0.1:${port}`,
    certPem,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

export async function startFixtureSite(options: { https?: boolean } = {}): Promise<FixtureSite> {
  let edited = false;
  let lastCookie: string | undefined;
  let largeBytesSent = 0;
  const hits = new Map<string, number>();
  // Per path and query, for tests in another process (GET /__hits).
  const hitsByTarget = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  const handler: http.RequestListener = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fixture');
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    const target = `${url.pathname}${url.search}`;
    if (url.pathname !== '/__hits') hitsByTarget.set(target, (hitsByTarget.get(target) ?? 0) + 1);
    const html = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
      res.end(body);
    };
    const redirect = (location: string, status = 302) => {
      res.writeHead(status, { Location: location, 'Content-Type': 'text/html' });
      res.end(`<a href="${location}">moved</a>`);
    };
    switch (url.pathname) {
      case '/article':
        return html(200, articleHtml(edited), { 'Set-Cookie': 'session=fixture; Path=/', 'X-Fixture': 'article' });
      case '/article-with-assets':
        return html(
          200,
          articleHtml(
            edited,
            '<link rel="stylesheet" href="/style.css">',
            `<img src="/pixel.png" alt="pixel"><img src="http://10.0.0.1/private.png" alt="private"><img src="http://169.254.169.254/latest/meta-data/" alt="metadata"><img src="/large" alt="large"><iframe src="http://localhost:${(server.address() as AddressInfo).port}/article"></iframe>`,
          ),
        );
      case '/style.css':
        res.writeHead(200, { 'Content-Type': 'text/css' });
        return res.end('body { font-family: serif; } h1 { color: #225; }');
      case '/pixel.png':
        res.writeHead(200, { 'Content-Type': 'image/png' });
        return res.end(PIXEL_PNG);
      case '/__hits':
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return res.end(JSON.stringify(Object.fromEntries(hitsByTarget)));
      case '/__edited':
        edited = url.searchParams.get('on') === '1';
        res.writeHead(204);
        return res.end();
      case '/redirect/1':
        return redirect(`/redirect/2${url.search}`, 301);
      case '/redirect/2':
        return redirect(`/redirect/3${url.search}`, 302);
      case '/redirect/3':
        return redirect(`${url.searchParams.get('to') ?? '/article'}`, 307);
      case '/redirect-loop':
        return redirect('/redirect-loop');
      case '/redirect-private':
        return redirect('http://10.0.0.1/internal');
      case '/redirect-metadata':
        return redirect('http://169.254.169.254/latest/meta-data/');
      case '/redirect-localhost':
        return redirect(`http://localhost:${(server.address() as AddressInfo).port}/article`);
      case '/set-cookie':
        res.writeHead(302, { Location: '/echo-cookie', 'Set-Cookie': 'tracker=secret-value; Path=/' });
        return res.end();
      case '/echo-cookie':
        lastCookie = req.headers.cookie;
        return html(200, `<html><body><p>cookie: ${lastCookie ? 'sent' : 'none'}</p></body></html>`);
      case '/headers':
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return res.end(JSON.stringify(req.headers));
      case '/large': {
        // No Content-Length: the limit must be enforced while streaming. Ends after 64 MB at most.
        res.writeHead(200, { 'Content-Type': 'text/html' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        let sent = 0;
        const pump = () => {
          while (sent < 64 * 1024 * 1024) {
            sent += chunk.length;
            largeBytesSent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('close', () => res.removeAllListeners('drain'));
        return pump();
      }
      case '/large-declared':
        res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': String(50 * 1024 * 1024) });
        return res.write('<html>');
      case '/slow': {
        const timer = setTimeout(() => html(200, articleHtml(edited)), 30_000);
        timers.add(timer);
        res.on('close', () => clearTimeout(timer));
        return;
      }
      case '/tall':
        return html(200, '<!doctype html><html><head><title>Tall</title></head><body style="margin:0"><div style="height:20000px;background:linear-gradient(#fff,#000)">tall page</div></body></html>');
      case '/missing':
        return html(404, '<!doctype html><html><head><title>Not found</title></head><body><h1>Page not found</h1></body></html>');
      case '/binary':
        res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
        return res.end(Buffer.from([0, 1, 2, 3, 4, 5]));
      case '/document.pdf':
        res.writeHead(200, { 'Content-Type': 'application/pdf' });
        return res.end('%PDF-1.4\n% fixture\n%%EOF\n');
      default:
        return html(404, '<html><body>not here</body></html>');
    }
  };
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const secure = options.https ? await startHttps(handler) : null;
  return {
    origin: `http://127.0.0.1:${port}`,
    httpsOrigin: secure?.origin,
    caPem: secure?.certPem,
    hits,
    setEdited: (on) => {
      edited = on;
    },
    lastCookie: () => lastCookie,
    largeBytesSent: () => largeBytesSent,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        void secure?.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
