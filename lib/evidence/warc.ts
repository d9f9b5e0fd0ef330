/**
 * The exchange as a WARC file (ISO 28500, WARC/1.1), so any web-archive tool (pywb,
 * ReplayWeb.page, warcio) can open a capture: a warcinfo record, then for every hop a request
 * record and the response record exactly as received (status line, headers, body), and for https
 * a metadata record with the TLS certificate chain the server presented and the address reached.
 */
import { WARCRecord, WARCSerializer } from 'warcio';
import type { Exchange } from './fetcher';

const WARC_VERSION = 'WARC/1.1';

async function* once(bytes: Uint8Array) {
  yield bytes;
}

async function serialize(record: WARCRecord): Promise<Buffer> {
  return Buffer.from(await WARCSerializer.serialize(record, { gzip: false }));
}

export async function buildWarc(input: { exchanges: Exchange[]; software: string; requestedUrl: string }): Promise<Buffer> {
  const parts: Buffer[] = [];
  const info = await WARCRecord.createWARCInfo(
    { filename: 'capture.warc', warcVersion: WARC_VERSION },
    {
      software: input.software,
      format: 'WARC File Format 1.1',
      conformsTo: 'http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/',
      'requested-url': input.requestedUrl,
    },
  );
  parts.push(await serialize(info));
  for (const exchange of input.exchanges) {
    const date = exchange.receivedAt.toISOString();
    const url = exchange.url;
    const target = new URL(url);
    const request = await WARCRecord.create(
      {
        url,
        date,
        type: 'request',
        warcVersion: WARC_VERSION,
        statusline: `${exchange.method} ${target.pathname}${target.search} HTTP/1.1`,
        httpHeaders: exchange.requestHeaders,
        warcHeaders: { 'WARC-IP-Address': exchange.remoteAddress },
      },
      once(new Uint8Array(0)),
    );
    const response = await WARCRecord.create(
      {
        url,
        date,
        type: 'response',
        warcVersion: WARC_VERSION,
        statusline: exchange.statusLine,
        httpHeaders: exchange.headers,
        warcHeaders: { 'WARC-IP-Address': exchange.remoteAddress },
      },
      once(new Uint8Array(exchange.body)),
    );
    const responseId = response.warcHeaders.headers.get('WARC-Record-ID') ?? '';
    request.warcHeaders.headers.set('WARC-Concurrent-To', responseId);
    parts.push(await serialize(response), await serialize(request));
    if (exchange.tlsChain?.length) {
      const fields = [
        `ip-address: ${exchange.remoteAddress}`,
        ...exchange.tlsChain.map((pem) => `tls-certificate: ${pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, '')}`),
      ].join('\r\n');
      const metadata = await WARCRecord.create(
        {
          url,
          date,
          type: 'metadata',
          warcVersion: WARC_VERSION,
          warcHeaders: { 'WARC-Concurrent-To': responseId, 'Content-Type': 'application/warc-fields' },
        },
        once(new TextEncoder().encode(`${fields}\r\n`)),
      );
      parts.push(await serialize(metadata));
    }
  }
  return Buffer.concat(parts);
}
