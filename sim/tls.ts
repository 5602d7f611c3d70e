/**
 * A throwaway self-signed EC certificate for every simulated host (Chromium runs with
 * --ignore-certificate-errors).
 */
import { generate } from 'selfsigned';
import { CRM_HOST, GENESYS_DOMAINS } from './hosts';

export interface CertPair {
  key: string;
  cert: string;
}

/** A throwaway self-signed certificate for every simulated host (Chromium runs with --ignore-certificate-errors). */
export async function makeCert(): Promise<CertPair> {
  const dns = ['localhost', CRM_HOST, ...GENESYS_DOMAINS.flatMap((d) => [d, `*.${d}`])];
  const notAfter = new Date(Date.now() + 7 * 86_400_000);
  const pems = await generate([{ name: 'commonName', value: 'Cuecard Genesys Cloud simulator' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...dns.map((value) => ({ type: 2 as const, value })),
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
