const { startSandbox } = await import('../../src/sandbox/server');
const a = await startSandbox();
const p = a.state.createPortal(); const tok = a.state.issueAccessToken(p.hubId);
for (const path of ['/crm/v3/objects/companies', '/crm/v3/objects/companies', '/crm/v3/objects/deals', '/crm/v3/objects/contacts']) {
  const t = Date.now();
  const r = await fetch(a.url + path, { headers: { authorization: 'Bearer ' + tok } });
  console.log(path, r.status, Date.now() - t);
}
await a.close();
