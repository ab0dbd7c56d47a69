// What every step of the HubSpot check reports. Steps collect issues instead of throwing, so one
// run shows every problem at once.

export const STEPS = ['project', 'profiles', 'hsmeta', 'parsing-lib', 'imports', 'bundle', 'secrets'] as const;
export type Step = (typeof STEPS)[number];

export type Issue = {
  step: Step;
  /** Path relative to the project directory, when the problem is in one file. */
  file?: string;
  message: string;
};

export type StepResult = {
  step: Step;
  issues: Issue[];
  /** One-line facts for the summary ("3 cards bundled in 4.1 s"). */
  notes: string[];
  skipped?: string;
};

export function stepResult(step: Step, issues: Issue[] = [], notes: string[] = []): StepResult {
  return { step, issues, notes };
}
