import { appendFileSync } from 'node:fs';
import { inject } from 'vitest';

/** One row of the reliability table `npm run test:chaos` prints: what was tried and how it ended. */
export interface Figures {
  readonly scenario: string;
  readonly tried: number;
  /** Ended as it should (a clear 4xx, or written exactly once). */
  readonly survived: number;
  readonly lost: number;
  readonly doubled: number;
  /** Answers ≥ 500. */
  readonly fiveXX: number;
  readonly note?: string;
}

/** Hands the row to the chaos run's teardown (chaos-setup.ts), which prints every row as one table. */
export function recordFigures(f: Figures): void {
  const file = inject('chaosFiguresFile');
  if (file) appendFileSync(file, `${JSON.stringify(f)}\n`);
  else console.log(JSON.stringify(f));
}

declare module 'vitest' {
  export interface ProvidedContext {
    chaosFiguresFile: string | undefined;
  }
}
