import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

const HEADER = 'Factuurnummer;Debiteurnummer;Debiteur;Domein;BTW-nummer;KvK-nummer;Factuurdatum;Vervaldatum;Valuta;Bedrag;Openstaand;Status;Incasso';

/** Writes a Dutch export of about `targetBytes` (streamed: the bench's own memory stays flat). Returns rows written. */
export async function writeLargeCsv(path: string, targetBytes: number, companies: number): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  let rows = 0;
  const write = async (line: string) => {
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  };
  await write(`\uFEFF${HEADER}\r\n`);
  while (bytes < targetBytes) {
    const c = rows % companies;
    const day = String((rows % 28) + 1).padStart(2, '0');
    const cents = 10_000 + (rows % 900_000);
    const amount = `${Math.floor(cents / 100).toLocaleString('de-DE')},${String(cents % 100).padStart(2, '0')}`;
    await write(`B-${rows};D-${c};"Klant ${c}; B.V.";klant${c}.nl;;;${day}-09-2026;${day}-10-2026;EUR;${amount};${amount};open;nee\r\n`);
    rows++;
  }
  out.end();
  await once(out, 'finish');
  return rows;
}
