import type { Language } from '../../../domain/ledger';
import { HEX_COLOUR, html, SafeHtml, textOn } from './html';

const CSS = new SafeHtml(`
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f6f7f9}
header{background:var(--brand);color:var(--on-brand);padding:1rem}
header p{margin:0;font-weight:600}
main{max-width:46rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
section{background:#fff;border:1px solid #d5d9e0;border-radius:.5rem;padding:1rem;margin:0 0 1rem}
ul.plain{list-style:none;margin:0;padding:0}
.invoice{border-top:1px solid #e3e6eb;padding:.75rem 0}
.invoice:first-child{border-top:0}
.invoice dl,.totals{display:grid;grid-template-columns:auto 1fr;gap:.25rem .75rem;margin:.25rem 0 0}
dt{color:#4a5261}
dd{margin:0;font-variant-numeric:tabular-nums}
.status{display:inline-block;padding:0 .5rem;border-radius:1rem;border:1px solid currentColor;font-size:.875rem}
.status-overdue{color:#a11b1b}.status-disputed{color:#7a4b00}.status-due_soon{color:#7a4b00}
.status-in_arrangement,.status-deferred{color:#0f5e2e}.status-open{color:#3b4350}
ol.steps{padding-left:1.25rem}
ol.steps li[aria-current]{font-weight:700}
.note{color:#4a5261}
footer{max-width:46rem;margin:0 auto;padding:1rem;color:#4a5261;font-size:.875rem}
a{color:#0a4d92}
a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #ffbf47;outline-offset:2px}
.banner{background:#e7f4ec;border:1px solid #0f5e2e;color:#0f5e2e;padding:.75rem;border-radius:.5rem}
a.button,button.primary{display:inline-block;background:var(--brand);color:var(--on-brand);border:0;border-radius:.5rem;padding:.75rem 1rem;font:inherit;font-weight:600;text-decoration:none;cursor:pointer;min-height:44px}
.copy{margin:.5rem 0}.copy label{display:block;color:#4a5261}.copy input{width:100%;font:inherit;padding:.5rem;border:1px solid #6b7280;border-radius:.25rem;background:#fff;color:#1a1a1a}
img{display:block;margin:.5rem 0;max-width:100%;height:auto}
@media (min-width:40rem){.invoice dl{grid-template-columns:repeat(4,auto 1fr)}}
`);

/** The page frame: language, title, the creditor's colours (validated here, so no setting can inject CSS). */
export function layout(o: { lang: Language; title: string; brand: string; creditorName: string; body: SafeHtml; footer?: SafeHtml }): string {
  const brand = HEX_COLOUR.test(o.brand) ? o.brand : '#0b5cab';
  return html`<!doctype html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${o.title}</title>
<style>:root{--brand:${brand};--on-brand:${textOn(brand)}}${CSS}</style>
</head>
<body>
<header><p>${o.creditorName}</p></header>
<main id="main">
${o.body}
</main>
${o.footer ? html`<footer>${o.footer}</footer>` : ''}
</body>
</html>`.value;
}
