import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { IngestReport } from '../../contracts/ingest';
import { createBankImporter } from '../ingest/bank/bank-import';
import { createBankStore } from '../ingest/bank/bank-store';
import { createDirectDebitFailureService } from '../ingest/direct-debit/failure-service';
import type { IngestService } from '../ingest/ingest-service';
import { createUblImporter } from '../ingest/ubl/ubl-import';
import type { RedisLedgerStore } from '../ledger/redis-ledger-store';
import type { Redis } from 'ioredis';

/** Whether an .xml file is an ISO 20022 bank file (camt.053 / camt.054) rather than a UBL document: its namespace, near the top. */
async function isCamt(path: string): Promise<boolean> {
  const file = await open(path);
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(4096), 0, 4096, 0);
    return /urn:iso:std:iso:20022:tech:xsd:camt\.05[34]/.test(buffer.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await file.close();
  }
}

/** `npm run import -- file.xml`: a UBL / Peppol e-invoice or a camt.053 / camt.054 statement, through the same importers as the API. */
export async function importXmlFile(path: string, o: { portalId: string; noMatch: boolean; redis: Redis; prefix: string; ledger: RedisLedgerStore; ingest: IngestService }): Promise<IngestReport> {
  const files = (async function* () { yield { name: path, content: createReadStream(path) }; })();
  if (await isCamt(path)) {
    const importer = createBankImporter({ ledger: o.ledger, bank: createBankStore(o.redis, o.prefix), failures: createDirectDebitFailureService({ ledger: o.ledger }) });
    return importer.importBank(files, { portalId: o.portalId });
  }
  return createUblImporter(o.ingest).importUbl(files, { portalId: o.portalId, noMatch: o.noMatch });
}
