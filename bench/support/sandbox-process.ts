// The sandbox in a process of its own, for benchmarks: HubSpot's CPU is not ours in production, so the app
// under test must not share its event loop (or, on a small machine, its core) with the stand-in. Started by
// remote-sandbox.ts with fork(); answers its requests over the IPC channel.
import { startSandbox } from '../../src/sandbox/server';
import type { SandboxObjectType } from '../../src/sandbox/crm/types';
import type { SandboxCall, SandboxReply } from './remote-sandbox';

const sandbox = await startSandbox({ validateWithOpenApi: false });
const hub = sandbox.state.createPortal({ settings: { rateLimitTier: 'marketplace' } });
const token = sandbox.state.issueAccessToken(hub.hubId, { expiresInSeconds: 24 * 3600 });

function answer(call: SandboxCall): unknown {
  switch (call.op) {
    case 'createObjects':
      return call.properties.map((p) => hub.createObject(call.objectType as SandboxObjectType, p).id);
    case 'createOwners':
      return call.owners.map((o) => hub.createOwner(o).id);
    case 'requestLog':
      return hub.requestLog.slice(call.from).map((e) => ({ method: e.method, path: e.path, route: e.route, status: e.status, at: e.at }));
    case 'requestCount':
      return hub.requestLog.length;
    case 'cpuSeconds': {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1e6;
    }
    case 'close':
      void sandbox.close().then(() => process.exit(0));
      return null;
  }
}

process.on('message', (message: { id: number; call: SandboxCall }) => {
  let reply: SandboxReply;
  try {
    reply = { id: message.id, ok: true, value: answer(message.call) };
  } catch (err) {
    reply = { id: message.id, ok: false, error: String(err) };
  }
  process.send!(reply);
});
process.send!({ ready: { url: sandbox.url, hubId: hub.hubId, token } });
