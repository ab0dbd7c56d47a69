/** A fact behind a decision, as data: the UI translates `code` and fills in `params`. */
export interface Reason {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
}
