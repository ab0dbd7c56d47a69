import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMonth, type Month } from './month';

type Step = { readonly day: number; readonly text: string; readonly run: (m: Month) => Promise<unknown> };

/** One customer's story: what happens on which business day, and what HubSpot and the cards show then. */
export interface Story {
  /** Something happens on business day `day` (1 = the first), after that morning's daily pass. */
  on(day: number, text: string, run: (m: Month) => Promise<unknown>): void;
  /** What a credit controller would see at that point of the day, in HubSpot and on the cards. */
  then(day: number, text: string, check: (m: Month) => Promise<unknown>): void;
  /** The same check at the end of every business day from `from` to `to`. */
  throughout(from: number, to: number, text: string, check: (m: Month) => Promise<unknown>): void;
}

interface Scenario { readonly name: string; readonly steps: Step[]; readonly companies: Set<string>; failure?: Error }

/**
 * A month (or two) in the life of one portal: the scenarios' stories run side by side on one timeline — the
 * real composition, one business clock, one daily pass per morning — as the customers of one portal would.
 * Each scenario becomes a test that fails with the day and the step where its story went wrong. After every
 * day, each scenario's companies must hold at most one HubSpot task per action key.
 */
export function monthInTheLife(title: string, opts: { firstDay: string; days: number }, define: (scenario: (name: string, tell: (story: Story) => void) => void) => void): void {
  const scenarios: Scenario[] = [];
  define((name, tell) => {
    const steps: Step[] = [];
    const add = (day: number, text: string, run: Step['run']) => steps.push({ day, text, run });
    tell({
      on: add, then: add,
      throughout: (from, to, text, check) => { for (let day = from; day <= to; day++) add(day, text, check); },
    });
    scenarios.push({ name, steps, companies: new Set() });
  });

  describe(title, () => {
    let m: Month | undefined;
    beforeAll(async () => {
      m = await startMonth({ firstDay: opts.firstDay });
      for (let day = 1; day <= opts.days; day++) {
        await m.day(day);
        for (const s of scenarios) await runDay(m, s, day);
      }
    }, 600_000);
    afterAll(async () => { await m?.close(); });

    for (const s of scenarios) {
      it(s.name, () => {
        if (s.failure) throw s.failure;
        expect(s.steps.length).toBeGreaterThan(0);
      });
    }
  });
}

async function runDay(m: Month, s: Scenario, day: number): Promise<void> {
  if (s.failure) return;
  const step = async (text: string, run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (err) {
      const e = err as Error;
      s.failure = Object.assign(new Error(`day ${day} (${m.date(day)}), ${text}:\n${e.message}`), { stack: e.stack });
    }
  };
  for (const { text, run } of s.steps.filter((x) => x.day === day)) {
    m.track(s.companies);
    await step(text, () => run(m));
    if (s.failure) return;
  }
  await step('every action has at most one task', async () => {
    for (const company of s.companies) {
      const keys = (await m.tasks(company)).map((t) => t.actionKey).filter((k) => k !== undefined);
      expect(keys.length, `company ${company}: tasks per action key`).toBe(new Set(keys).size);
    }
  });
}
