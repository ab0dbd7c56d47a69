import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPermittedFetchUrls, readProfileVariables } from '../../workspace/server/app-components';
import { createWorkspace, WORKSPACE_PATH } from '../../workspace/server/workspace';
import { startEmbeddedBackend, type EmbeddedBackend, type EmbeddedBackendOptions, type RequestHandler } from './embedded-backend';

export interface EmbeddedWithWorkspace extends EmbeddedBackend {
  /** The local HubSpot UI with every card: e.g. http://localhost:3000/workspace. */
  readonly workspaceUrl: string;
  /** Resolves when the card bundles (HubSpot's build) and the workspace's browser code are built. */
  readonly workspaceReady: Promise<void>;
}

const SRC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The embedded default with the workspace (issue 13) mounted at /workspace: the cards built by HubSpot's build,
 * run in the browser against this backend, on the embedded portal, with the clock control moving business time
 * and running the daily pass so reminders, promises and letters play out.
 */
export async function startEmbeddedWithWorkspace(o: EmbeddedBackendOptions): Promise<EmbeddedWithWorkspace> {
  // The workspace needs the started backend; until it is there, /workspace answers 503.
  const slot: { workspace?: RequestHandler } = {};
  const mount = { path: WORKSPACE_PATH, handler: ((req, res) => {
    if (slot.workspace) slot.workspace(req, res);
    else { res.statusCode = 503; res.end('the workspace is starting'); }
  }) as RequestHandler };
  const embedded = await startEmbeddedBackend({ ...o, mounts: [...(o.mounts ?? []), mount] });
  const portal = embedded.hubspot.sandbox.state.portals.get(Number(embedded.portalId));
  if (!portal) throw new Error(`the embedded portal ${embedded.portalId} is missing`);
  const variables = readProfileVariables(SRC_DIR);
  const { time } = embedded;
  const workspace = createWorkspace({
    srcDir: SRC_DIR,
    cacheDir: path.join(SRC_DIR, '..', '.tmp', 'workspace'),
    portal, appId: embedded.hubspot.appId, clientSecret: embedded.hubspot.clientSecret,
    backendUrl: embedded.publicBaseUrl,
    ...(embedded.hubspot.creditControllerOwnerId ? { creditControllerOwnerId: embedded.hubspot.creditControllerOwnerId } : {}),
    profileVariables: variables,
    permittedFetchUrls: readPermittedFetchUrls(SRC_DIR, variables),
    clock: {
      now: () => time.now(),
      async advance(step) {
        const at = await time.advance(step);
        await time.runDailyPass();
        return at;
      },
      async reset() {
        const at = time.set(new Date());
        await time.runDailyPass();
        return at;
      },
    },
  });
  slot.workspace = workspace.handler;
  return { ...embedded, workspaceUrl: `${embedded.publicBaseUrl}${WORKSPACE_PATH}`, workspaceReady: workspace.ready };
}
