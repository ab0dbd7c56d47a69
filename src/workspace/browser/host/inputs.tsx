/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Form fields as HubSpot draws them: label above, description under it, the red validation message below.
 * The field keeps what is typed and tells the card (onInput per keystroke, onChange when HubSpot would);
 * a `value` the card sets wins.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';

type P = Record<string, unknown> & { children?: ReactNode };
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const call = (fn: unknown, ...args: unknown[]) => { if (typeof fn === 'function') void (fn as (...a: unknown[]) => unknown)(...args); };

/** Local state that follows the card's `value` whenever the card changes it. */
function useField<T>(value: T | undefined, initial: T): [T, (v: T) => void] {
  const [v, setV] = useState<T>(value ?? initial);
  useEffect(() => { if (value !== undefined) setV(value); }, [value]);
  return [v, setV];
}

function Field(p: { id: string; props: P; children: ReactNode }) {
  const { props } = p;
  const message = str(props.validationMessage);
  return (
    <div className="hs-field">
      {str(props.label) ? <label className="hs-label" htmlFor={p.id}>{str(props.label)}{props.required === true ? <span className="hs-required" aria-hidden="true"> *</span> : null}</label> : null}
      {str(props.description) ? <p className="hs-field-description" id={`${p.id}-d`}>{str(props.description)}</p> : null}
      {p.children}
      {message ? <p className={props.error === true ? 'hs-field-error' : 'hs-field-hint'} id={`${p.id}-m`}>{message}</p> : null}
    </div>
  );
}

const describedBy = (id: string, p: P) => [str(p.description) && `${id}-d`, str(p.validationMessage) && `${id}-m`].filter(Boolean).join(' ') || undefined;

export function TextInputStandIn(p: P) {
  const id = useId();
  const [v, setV] = useField(str(p.value), str(p.defaultValue) ?? '');
  return (
    <Field id={id} props={p}>
      <input id={id} className="hs-input" name={str(p.name)} type={p.type === 'password' ? 'password' : 'text'} value={v} placeholder={str(p.placeholder)}
        readOnly={p.readOnly === true} required={p.required === true} aria-invalid={p.error === true} aria-describedby={describedBy(id, p)}
        onChange={(e) => { setV(e.target.value); call(p.onInput, e.target.value); call(p.onChange, e.target.value); }}
        onBlur={(e) => call(p.onBlur, e.target.value)} />
    </Field>
  );
}

export function TextAreaStandIn(p: P) {
  const id = useId();
  const [v, setV] = useField(str(p.value), str(p.defaultValue) ?? '');
  return (
    <Field id={id} props={p}>
      <textarea id={id} className="hs-input" name={str(p.name)} value={v} rows={typeof p.rows === 'number' ? p.rows : 3} placeholder={str(p.placeholder)}
        maxLength={typeof p.maxLength === 'number' ? p.maxLength : undefined} readOnly={p.readOnly === true} aria-invalid={p.error === true} aria-describedby={describedBy(id, p)}
        onChange={(e) => { setV(e.target.value); call(p.onInput, e.target.value); call(p.onChange, e.target.value); }} />
    </Field>
  );
}

type Option = { label: string; value: string | number | boolean };
const options = (p: P) => (Array.isArray(p.options) ? p.options as Option[] : []);

export function SelectStandIn(p: P) {
  const id = useId();
  const opts = options(p);
  const [v, setV] = useField(p.value === undefined ? undefined : String(p.value), '');
  return (
    <Field id={id} props={p}>
      <select id={id} className="hs-input hs-select" name={str(p.name)} value={v} required={p.required === true} aria-invalid={p.error === true} aria-describedby={describedBy(id, p)}
        aria-label={str(p.label) ? undefined : str(p.placeholder) ?? str(p.name) ?? 'select'}
        onChange={(e) => { const o = opts.find((x) => String(x.value) === e.target.value); setV(e.target.value); if (o) call(p.onChange, o.value); }}>
        <option value="" disabled>{str(p.placeholder) ?? '—'}</option>
        {opts.map((o) => <option key={String(o.value)} value={String(o.value)}>{o.label}</option>)}
      </select>
    </Field>
  );
}

export function MultiSelectStandIn(p: P) {
  const id = useId();
  const opts = options(p);
  const [v, setV] = useField(Array.isArray(p.value) ? (p.value as unknown[]).map(String) : undefined, [] as string[]);
  return (
    <Field id={id} props={p}>
      <select id={id} multiple className="hs-input hs-select" name={str(p.name)} value={v} aria-describedby={describedBy(id, p)}
        onChange={(e) => { const picked = [...e.target.selectedOptions].map((o) => o.value); setV(picked); call(p.onChange, opts.filter((o) => picked.includes(String(o.value))).map((o) => o.value)); }}>
        {opts.map((o) => <option key={String(o.value)} value={String(o.value)}>{o.label}</option>)}
      </select>
    </Field>
  );
}

type BaseDate = { year: number; month: number; date: number };
const pad = (n: number) => String(n).padStart(2, '0');
const toIso = (d: BaseDate | undefined | null) => (d ? `${d.year}-${pad(d.month + 1)}-${pad(d.date)}` : '');
/** HubSpot's DateInput counts months from 0, as JavaScript's Date does. */
const fromIso = (s: string): BaseDate | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? { year: Number(m[1]), month: Number(m[2]) - 1, date: Number(m[3]) } : null;
};

export function DateInputStandIn(p: P) {
  const id = useId();
  const [v, setV] = useField(p.value === undefined ? undefined : toIso(p.value as BaseDate | null), toIso(p.defaultValue as BaseDate | undefined));
  return (
    <Field id={id} props={p}>
      <input id={id} type="date" className="hs-input" name={str(p.name)} value={v} min={toIso(p.min as BaseDate | undefined) || undefined} max={toIso(p.max as BaseDate | undefined) || undefined}
        required={p.required === true} aria-invalid={p.error === true} aria-describedby={describedBy(id, p)}
        onChange={(e) => { setV(e.target.value); const d = fromIso(e.target.value); call(p.onChange, d ? { ...d, formattedDate: e.target.value } : null); }} />
    </Field>
  );
}

export function NumberInputStandIn(p: P) {
  const id = useId();
  const [v, setV] = useField(typeof p.value === 'number' ? String(p.value) : undefined, typeof p.defaultValue === 'number' ? String(p.defaultValue) : '');
  return (
    <Field id={id} props={p}>
      <input id={id} type="number" className="hs-input" name={str(p.name)} value={v} min={typeof p.min === 'number' ? p.min : undefined} max={typeof p.max === 'number' ? p.max : undefined}
        step={typeof p.precision === 'number' ? 10 ** -p.precision : 'any'} aria-invalid={p.error === true} aria-describedby={describedBy(id, p)}
        onChange={(e) => { setV(e.target.value); const n = e.target.valueAsNumber; if (Number.isFinite(n)) { call(p.onInput, n); call(p.onChange, n); } }} />
    </Field>
  );
}

export function CheckboxStandIn(p: P) {
  const id = useId();
  const [checked, setChecked] = useField(typeof p.checked === 'boolean' ? p.checked : undefined, p.initialIsChecked === true);
  return (
    <div className="hs-check">
      <input id={id} type="checkbox" name={str(p.name)} value={str(p.value)} checked={checked} readOnly={p.readOnly === true}
        aria-label={p.children ? undefined : str(p['aria-label']) ?? str(p.name) ?? 'checkbox'}
        onChange={(e) => { setChecked(e.target.checked); call(p.onChange, e.target.checked, str(p.value) ?? ''); }} />
      {p.children ? <label htmlFor={id}>{p.children}</label> : null}
      {str(p.description) ? <p className="hs-field-description">{str(p.description)}</p> : null}
    </div>
  );
}

export function ToggleGroupStandIn(p: P) {
  const id = useId();
  const radio = p.toggleType === 'radioButtonList';
  const opts = (Array.isArray(p.options) ? p.options : []) as { label: string; value: string; description?: string }[];
  const initial = p.value === undefined ? undefined : Array.isArray(p.value) ? (p.value as string[]) : [String(p.value)];
  const [v, setV] = useField(initial, [] as string[]);
  const pick = (value: string, on: boolean) => {
    const next = radio ? [value] : on ? [...v, value] : v.filter((x) => x !== value);
    setV(next);
    call(p.onChange, radio ? value : next);
  };
  return (
    <fieldset className="hs-toggle-group" aria-describedby={str(p.validationMessage) ? `${id}-m` : undefined}>
      <legend className="hs-label">{str(p.label)}</legend>
      <div className={p.inline === true ? 'hs-inline' : undefined}>
        {opts.map((o) => (
          <label key={o.value} className="hs-check">
            <input type={radio ? 'radio' : 'checkbox'} name={str(p.name) ?? id} value={o.value} checked={v.includes(o.value)} onChange={(e) => pick(o.value, e.target.checked)} />
            {o.label}
          </label>
        ))}
      </div>
      {str(p.validationMessage) ? <p className={p.error === true ? 'hs-field-error' : 'hs-field-hint'} id={`${id}-m`}>{str(p.validationMessage)}</p> : null}
    </fieldset>
  );
}
