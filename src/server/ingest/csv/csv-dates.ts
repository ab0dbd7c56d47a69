import type { CsvDateRefusal } from '../../../contracts/ingest';
import { err, ok, type Result } from '../../../domain/result';
import type { DateOrder } from './csv-values';

/**
 * Which way round a file writes its slash dates, when neither the caller (`?dateFormat=`, a mapping), a preset
 * nor the header's language says so. `31-12-2026` and `31.12.2026` are the European way and ISO `2026-12-31`
 * is read whatever the order; but `03/04/2026` is the 3rd of April in Amsterdam and the 4th of March in Chicago.
 * The file's own dates decide when they can: a first number above 12 (`31/03/2026`) is a day. When every slash
 * date could be either, or they read month first (`12/31/2026`, which we only take when declared US), the file is
 * refused whole rather than guessed — a wrong guess would silently move every due date.
 */

const SLASH = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** A file whose first rows hold no slash date at all is taken as written the European way after this many rows. */
export const MAX_HELD_ROWS = 10_000;

type Evidence = 'day_first' | 'month_first' | 'either' | 'none';

export function slashDateEvidence(raw: string): Evidence {
  const m = SLASH.exec(raw.trim());
  if (!m) return 'none';
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (a > 12 && b <= 12) return 'day_first';
  if (b > 12 && a <= 12) return 'month_first';
  return a <= 12 && b <= 12 ? 'either' : 'none';
}

export interface DatedItem<T> { readonly item: T; readonly dates: readonly { column: string; value: string }[] }

export interface DateOrderGate<T> {
  /** The items that can be read now, in file order (none while the order is still open). */
  push(dated: DatedItem<T>): Result<T[], CsvDateRefusal>;
  /** At the end of the file: the items still held, or why the file cannot be read. */
  end(): Result<T[], CsvDateRefusal>;
  /** The order once decided. */
  readonly order: DateOrder | undefined;
}

/** Holds the rows until their dates tell the order (or passes them straight on when the order is declared). */
export function createDateOrderGate<T>(declared: DateOrder | undefined): DateOrderGate<T> {
  let order = declared;
  let held: T[] = [];
  const examples = new Map<string, string[]>();
  const release = (decided: DateOrder): T[] => { order = decided; const out = held; held = []; return out; };

  return {
    get order() { return order; },
    push({ item, dates }) {
      if (order) return ok([item]);
      held.push(item);
      for (const { column, value } of dates) {
        const evidence = slashDateEvidence(value);
        if (evidence === 'day_first') return ok(release('dmy'));
        if (evidence === 'month_first') return err(refusal('month_first', column, [value]));
        if (evidence === 'either') {
          const list = examples.get(column) ?? [];
          if (list.length < 3 && !list.includes(value.trim())) list.push(value.trim());
          examples.set(column, list);
        }
      }
      if (held.length >= MAX_HELD_ROWS) return examples.size ? err(ambiguous(examples)) : ok(release('dmy'));
      return ok([]);
    },
    end() {
      if (order) return ok([]);
      return examples.size ? err(ambiguous(examples)) : ok(release('dmy'));
    },
  };
}

function ambiguous(examples: ReadonlyMap<string, readonly string[]>): CsvDateRefusal {
  const [column, values] = [...examples][0]!;
  return refusal('either', column, values);
}

function refusal(kind: 'either' | 'month_first', column: string, examples: readonly string[]): CsvDateRefusal {
  const shown = examples.map((e) => `"${e}"`).join(', ');
  const message = kind === 'either'
    ? `The dates in column "${column}" (${shown}) can be read day first or month first, and nothing in the file says which. Say how the export writes them: ?dateFormat=dmy (31/12/2026) or ?dateFormat=mdy (12/31/2026) — on the command line --date-format dmy|mdy. Nothing was imported.`
    : `The dates in column "${column}" (${shown}) are written month first (US). We only read them that way when asked: ?dateFormat=mdy (on the command line --date-format mdy). Nothing was imported.`;
  return { message, column, examples: [...examples], reading: kind, accepted: ['dmy', 'mdy', 'ymd'] };
}
