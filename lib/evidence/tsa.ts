import 'server-only';
/**
 * RFC 3161 timestamps: ask an authority to sign a SHA-256 digest, and check a token it returned.
 * Built on pkijs/asn1js (no shelling out). What a valid token proves: these exact digest bytes
 * existed no later than genTime, according to an authority whose certificate chains to a root we
 * trust (TSA_TRUST_FILE).
 *
 * Without TSA_TRUST_FILE the token's signature, imprint and signer certificate are still checked,
 * but the chain it carries cannot be checked against anything we trust: the result says so
 * (`chainChecked: false`), and callers record "chain not checked against a trusted root".
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { env } from '@/lib/env';

const OID_SHA256 = '2.16.840.1.101.3.4.2.1';
const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_TST_INFO = '1.2.840.113549.1.9.16.1.4';
const OID_CONTENT_TYPE_ATTR = '1.2.840.113549.1.9.3';
const OID_MESSAGE_DIGEST_ATTR = '1.2.840.113549.1.9.4';
const OID_EXT_KEY_USAGE = '2.5.29.37';
const OID_KP_TIME_STAMPING = '1.3.6.1.5.5.7.3.8';
const OID_SIGNING_CERTIFICATE = '1.2.840.113549.1.9.16.2.12';
const OID_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';
const OID_SHA1 = '1.3.14.3.2.26';
const OID_RSA_ENCRYPTION = '1.2.840.113549.1.1.1';

/** A TSA reply is a few kilobytes; anything much larger is not one. */
const MAX_REPLY_BYTES = 256 * 1024;
/** How far an authority's clock may be from ours before its answer is refused (ms). */
const MAX_CLOCK_SKEW_MS = 10 * 60 * 1000;

export type VerifiedTimestamp = {
  ok: true;
  genTime: Date;
  /** Hex of the token's serial number. */
  serialNumber: string;
  /** The authority's name (from the token, else the signer certificate's subject). */
  tsaName: string;
  /** Signer certificate first, then the chain up to the root (PEM). */
  certificatesPem: string;
  /** False when no trusted roots were given: the chain was not checked against a root we trust. */
  chainChecked: boolean;
};
export type TimestampFailure = { ok: false; reason: string };
export type TimestampVerification = VerifiedTimestamp | TimestampFailure;
export type TimestampReply = (VerifiedTimestamp & { tokenDer: Buffer }) | TimestampFailure;

/** The PEM roots in TSA_TRUST_FILE, or null when it is unset (read each call: the file may be replaced). */
export function trustedRootsPem(): string | null {
  if (!env.TSA_TRUST_FILE) return null;
  return readFileSync(env.TSA_TRUST_FILE, 'utf8');
}

/** The certificates in a PEM text (anything that does not parse is skipped). */
export function certificatesFromPem(pem: string): pkijs.Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const certificates: pkijs.Certificate[] = [];
  for (const block of blocks) {
    const der = Buffer.from(block.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, ''), 'base64');
    try {
      certificates.push(pkijs.Certificate.fromBER(der));
    } catch {
      // Not a certificate: ignored, so one bad block does not hide the good roots.
    }
  }
  return certificates;
}

function toPem(certificate: pkijs.Certificate): string {
  const base64 = Buffer.from(certificate.toSchema().toBER()).toString('base64');
  return `-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
}

const hex = (view: ArrayBuffer | Uint8Array) => Buffer.from(view instanceof Uint8Array ? view : new Uint8Array(view)).toString('hex');

const shortNames: Record<string, string> = {
  '2.5.4.3': 'CN', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST', '2.5.4.10': 'O', '2.5.4.11': 'OU',
};

function distinguishedName(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((tv) => `${shortNames[tv.type] ?? tv.type}=${String(tv.value.valueBlock.value)}`)
    .join(', ');
}

function tsaNameOf(tstInfo: pkijs.TSTInfo, signer: pkijs.Certificate): string {
  // GeneralName type 4 is a directoryName; other forms are rare for an authority.
  if (tstInfo.tsa?.type === 4) return distinguishedName(tstInfo.tsa.value as pkijs.RelativeDistinguishedNames);
  return distinguishedName(signer.subject);
}

function findSigner(signerInfo: pkijs.SignerInfo, certificates: pkijs.Certificate[]) {
  const sid = signerInfo.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certificates.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)) ?? null;
  }
  // subjectKeyIdentifier: the SHA-1 of the public key, as RFC 5280 method (1) and pkijs compute it.
  const keyId = hex(sid.idBlock.isConstructed ? sid.valueBlock.value[0].valueBlock.valueHex : sid.valueBlock.valueHex);
  return (
    certificates.find(
      (c) => createHash('sha1').update(c.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView).digest('hex') === keyId,
    ) ?? null
  );
}

/** RFC 3161 §2.3: the signer's certificate must carry exactly the timeStamping purpose, marked critical. */
function hasCriticalTimeStampingUsage(certificate: pkijs.Certificate): boolean {
  const extension = certificate.extensions?.find((e) => e.extnID === OID_EXT_KEY_USAGE);
  if (!extension?.critical) return false;
  const usage = extension.parsedValue as pkijs.ExtKeyUsage | undefined;
  return !!usage && usage.keyPurposes.length === 1 && usage.keyPurposes[0] === OID_KP_TIME_STAMPING;
}

/**
 * The certificates of a SignedData exactly as encoded in the token (pkijs re-encodes on output),
 * in the order of `signedData.certificates`: hashes over them must match the signer's own.
 */
function rawCertificates(signedDataSchema: asn1js.Sequence): Uint8Array[] {
  const set = signedDataSchema.valueBlock.value.find((node) => node.idBlock.tagClass === 3 && node.idBlock.tagNumber === 0);
  const items = (set as asn1js.Constructed | undefined)?.valueBlock.value ?? [];
  return items.map((node) => new Uint8Array(node.valueBeforeDecodeView));
}

/**
 * RFC 3161 §2.4.2 / RFC 5035: the signed ESS signing-certificate attribute names the certificate
 * the authority meant to sign with (by hash), so a different certificate with the same key cannot
 * be slipped in. Returns a problem, or null when the first certificate it names is the signer's.
 */
async function signingCertificateProblem(signerInfo: pkijs.SignerInfo, signerDer: Uint8Array): Promise<string | null> {
  const attributes = signerInfo.signedAttrs?.attributes ?? [];
  const v2 = attributes.find((a) => a.type === OID_SIGNING_CERTIFICATE_V2);
  const v1 = attributes.find((a) => a.type === OID_SIGNING_CERTIFICATE);
  const attribute = v2 ?? v1;
  if (!attribute) return 'token does not name its signing certificate';
  try {
    const certs = (attribute.values[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
    const first = (certs.valueBlock.value[0] as asn1js.Sequence).valueBlock.value;
    let hashOid = v2 ? OID_SHA256 : OID_SHA1;
    let hashNode = first[0];
    if (v2 && !(hashNode instanceof asn1js.OctetString)) {
      hashOid = ((hashNode as asn1js.Sequence).valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString();
      hashNode = first[1];
    }
    const crypto = pkijs.getCrypto(true);
    const algorithm = crypto.getAlgorithmByOID(hashOid);
    if (!('name' in algorithm)) return 'signing certificate named with an unsupported hash';
    const expected = hex((hashNode as asn1js.OctetString).valueBlock.valueHexView);
    const actual = hex(await crypto.digest(algorithm.name, new Uint8Array(signerDer)));
    return expected === actual ? null : 'signer certificate is not the one the token names';
  } catch {
    return 'signing certificate attribute could not be read';
  }
}

/** The signed attributes say this is a TSTInfo with this digest, and the signature over them holds. */
async function signatureHolds(signerInfo: pkijs.SignerInfo, signer: pkijs.Certificate, eContent: ArrayBuffer): Promise<string | null> {
  const crypto = pkijs.getCrypto(true);
  const hashAlgorithm = crypto.getAlgorithmByOID(signerInfo.digestAlgorithm.algorithmId);
  if (!('name' in hashAlgorithm)) return 'unsupported digest algorithm in the signature';
  const attributes = signerInfo.signedAttrs?.attributes;
  if (!attributes) return 'token has no signed attributes';
  const contentType = attributes.find((a) => a.type === OID_CONTENT_TYPE_ATTR);
  const messageDigest = attributes.find((a) => a.type === OID_MESSAGE_DIGEST_ATTR);
  if (!contentType || (contentType.values[0] as asn1js.ObjectIdentifier).valueBlock.toString() !== OID_TST_INFO) {
    return 'signed content type is not a timestamp';
  }
  if (!messageDigest) return 'token has no signed message digest';
  const digest = await crypto.digest(hashAlgorithm.name, new Uint8Array(eContent));
  if (hex(digest) !== hex((messageDigest.values[0] as asn1js.OctetString).valueBlock.valueHexView)) {
    return 'signed digest does not match the timestamp content';
  }
  // As pkijs SignedData.verify: plain rsaEncryption names no hash, so the digest algorithm's is
  // used; other algorithms (RSA-PSS, ECDSA with SHA-x) name their own.
  const plainRsa = signerInfo.signatureAlgorithm.algorithmId === OID_RSA_ENCRYPTION;
  const valid = await crypto.verifyWithPublicKey(
    signerInfo.signedAttrs!.encodedValue,
    signerInfo.signature,
    signer.subjectPublicKeyInfo,
    signerInfo.signatureAlgorithm,
    plainRsa ? hashAlgorithm.name : undefined,
  );
  return valid ? null : 'signature is not valid';
}

/**
 * Checks a DER TimeStampToken (a CMS SignedData over a TSTInfo): its imprint is the SHA-256
 * `expectedDigestHex`, its signature holds, the signer has the critical timeStamping purpose, and
 * (when roots are given) its chain leads to one of them, valid at genTime. Never throws.
 */
export async function verifyTimestampToken(
  tokenDer: Uint8Array,
  expectedDigestHex: string,
  trustedRootsPem: string | null,
  options: { expectedNonceHex?: string; now?: Date } = {},
): Promise<TimestampVerification> {
  try {
    const contentInfo = pkijs.ContentInfo.fromBER(new Uint8Array(tokenDer));
    if (contentInfo.contentType !== OID_SIGNED_DATA) return { ok: false, reason: 'token is not CMS signed data' };
    const signedData = new pkijs.SignedData({ schema: contentInfo.content });
    const eContent = signedData.encapContentInfo.eContent;
    if (signedData.encapContentInfo.eContentType !== OID_TST_INFO || !eContent) {
      return { ok: false, reason: 'token does not hold a timestamp' };
    }
    const eContentBytes = eContent.getValue();
    const tstInfo = pkijs.TSTInfo.fromBER(eContentBytes);

    if (tstInfo.messageImprint.hashAlgorithm.algorithmId !== OID_SHA256) return { ok: false, reason: 'imprint is not SHA-256' };
    if (hex(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView) !== expectedDigestHex.toLowerCase()) {
      return { ok: false, reason: 'token is over a different digest' };
    }
    if (options.expectedNonceHex !== undefined) {
      const nonce = tstInfo.nonce ? hex(tstInfo.nonce.valueBlock.valueHexView) : '';
      if (nonce !== options.expectedNonceHex) return { ok: false, reason: 'nonce does not match the request' };
    }
    const now = options.now ?? new Date();
    const genTime = tstInfo.genTime;
    if (!(genTime instanceof Date) || Number.isNaN(genTime.getTime())) return { ok: false, reason: 'genTime is not a date' };
    if (genTime.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) return { ok: false, reason: 'genTime is in the future' };

    if (signedData.signerInfos.length !== 1) return { ok: false, reason: 'token must have exactly one signer' };
    const signerInfo = signedData.signerInfos[0];
    const certificates = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
    const signer = findSigner(signerInfo, certificates);
    if (!signer) return { ok: false, reason: 'signer certificate not in the token' };
    const signerDer = rawCertificates(contentInfo.content as asn1js.Sequence)[(signedData.certificates ?? []).indexOf(signer)];
    if (!signerDer) return { ok: false, reason: 'signer certificate not in the token' };
    if (!hasCriticalTimeStampingUsage(signer)) return { ok: false, reason: 'signer certificate lacks the critical timeStamping key usage' };
    // The signature first: a token altered after signing is reported as altered, whatever else
    // the altered bytes now claim (e.g. a genTime moved outside the certificate's validity).
    const signatureProblem = await signatureHolds(signerInfo, signer, eContentBytes);
    if (signatureProblem) return { ok: false, reason: signatureProblem };
    if (signer.notBefore.value > genTime || signer.notAfter.value < genTime) {
      return { ok: false, reason: 'signer certificate was not valid at genTime' };
    }
    const certificateProblem = await signingCertificateProblem(signerInfo, signerDer);
    if (certificateProblem) return { ok: false, reason: certificateProblem };

    const roots = trustedRootsPem ? certificatesFromPem(trustedRootsPem) : [];
    let chain: pkijs.Certificate[] = [signer, ...certificates.filter((c) => c !== signer)];
    const chainChecked = roots.length > 0;
    if (chainChecked) {
      const engine = new pkijs.CertificateChainValidationEngine({
        trustedCerts: roots,
        certs: [...certificates.filter((c) => c !== signer), signer],
        checkDate: genTime,
      });
      const result = await engine.verify();
      if (!result.result) return { ok: false, reason: 'certificate chain does not lead to a trusted root' };
      if (result.certificatePath?.length) chain = result.certificatePath;
    } else if (trustedRootsPem) {
      return { ok: false, reason: 'trust file holds no certificates' };
    }

    return {
      ok: true,
      genTime,
      serialNumber: hex(tstInfo.serialNumber.valueBlock.valueHexView),
      tsaName: tsaNameOf(tstInfo, signer),
      certificatesPem: chain.map(toPem).join(''),
      chainChecked,
    };
  } catch {
    return { ok: false, reason: 'token could not be parsed' };
  }
}

/** A random positive nonce (8 bytes, top bit clear so the INTEGER is positive, and minimal in DER). */
function newNonce(): Buffer {
  const nonce = randomBytes(8);
  nonce[0] = (nonce[0] & 0x7f) | 0x40;
  return nonce;
}

export function timestampQuery(digest: Buffer, nonce: Buffer): Buffer {
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID_SHA256, algorithmParams: new asn1js.Null() }),
      hashedMessage: new asn1js.OctetString({ valueHex: new Uint8Array(digest) }),
    }),
    nonce: new asn1js.Integer({ valueHex: new Uint8Array(nonce) }),
    certReq: true,
  });
  return Buffer.from(request.toSchema().toBER());
}

async function readCapped(response: Response, limit: number): Promise<Buffer | null> {
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const statusWords: Record<number, string> = { 2: 'rejection', 3: 'waiting', 4: 'revocation warning', 5: 'revocation notification' };

/**
 * Asks the authority at `url` for a timestamp over the SHA-256 `digest` (32 bytes), with a fresh
 * nonce and its certificate requested, and checks the answer (status granted, imprint, nonce,
 * signature, key usage, chain to `trustedRoots`, genTime near our clock). TSA URLs come from the
 * operator's configuration, not from users, so they are not put through the capture address policy
 * (a local authority on 127.0.0.1 is legitimate). Never throws; failures carry a reason safe to show.
 */
export async function requestTimestamp(
  url: string,
  digest: Buffer,
  options: { trustedRoots?: string | null; timeoutMs?: number } = {},
): Promise<TimestampReply> {
  if (digest.length !== 32) return { ok: false, reason: 'digest is not SHA-256' };
  const nonce = newNonce();
  let reply: Buffer | null;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
      body: new Uint8Array(timestampQuery(digest, nonce)),
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs ?? env.TSA_TIMEOUT_MS),
    });
    if (!response.ok) {
      await response.body?.cancel();
      return { ok: false, reason: `authority answered HTTP ${response.status}` };
    }
    reply = await readCapped(response, MAX_REPLY_BYTES);
  } catch (error) {
    const timedOut = error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return { ok: false, reason: timedOut ? 'authority did not answer in time' : 'authority could not be reached' };
  }
  if (!reply) return { ok: false, reason: 'reply too large' };

  let tokenDer: Buffer;
  try {
    const response = pkijs.TimeStampResp.fromBER(new Uint8Array(reply));
    const status = response.status.status;
    if (status !== 0 && status !== 1) {
      return { ok: false, reason: `authority refused (${statusWords[status] ?? `status ${status}`})` };
    }
    // The token exactly as the authority sent it (re-encoding could change bytes).
    const outer = asn1js.fromBER(new Uint8Array(reply)).result as asn1js.Sequence;
    const token = outer.valueBlock.value[1];
    if (!token) return { ok: false, reason: 'reply has no token' };
    tokenDer = Buffer.from(token.valueBeforeDecodeView);
  } catch {
    return { ok: false, reason: 'reply could not be parsed' };
  }

  const trustedRoots = options.trustedRoots === undefined ? trustedRootsPem() : options.trustedRoots;
  const verified = await verifyTimestampToken(tokenDer, digest.toString('hex'), trustedRoots, {
    expectedNonceHex: nonce.toString('hex'),
  });
  if (!verified.ok) return verified;
  if (Math.abs(verified.genTime.getTime() - Date.now()) > MAX_CLOCK_SKEW_MS) {
    return { ok: false, reason: "genTime is too far from this server's clock" };
  }
  return { ...verified, tokenDer };
}
