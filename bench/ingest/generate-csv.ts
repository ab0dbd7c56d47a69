import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

const HEADER = 'Factuurnummer;Debiteurnummer;Debiteur;Domein;BTW-nummer;KvK-nummer;Factuurdatum;Vervaldatum;Valuta;Bedrag;Openstaand;Status;Incasso';

/**
 * Writes a Dutch export of `rows` rows (about 105 bytes each; invoice numbers `${numberPrefix}-<row>`), streamed:
 * the bench's own memory stays flat. Returns the bytes written.
 */
export async function writeLargeCsv(path: string, rows: number, companies: number, numberPrefix = 'B'): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (line: string) => {
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  };
  await write(`\uFEFF${HEADER}\r\n`);
  for (let row = 0; row < rows; row++) {
    const c = row % companies;
    const day = String((row % 28) + 1).padStart(2, '0');
    const cents = 10_000 + (row % 900_000);
    const amount = `${Math.floor(cents / 100).toLocaleString('de-DE')},${String(cents % 100).padStart(2, '0')}`;
    await write(`${numberPrefix}-${row};D-${c};"Klant ${c}; B.V.";klant${c}.nl;;;${day}-09-2026;${day}-10-2026;EUR;${amount};${amount};open;nee\r\n`);
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}
