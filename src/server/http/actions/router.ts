import type { ApiErrorBody } from '../../../contracts/api-error';
import { Router, type ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import { CallScriptQuery, OutcomeInput, PreferencesInput, type ValidationErrorVM } from '../../../contracts/actions';
import { CompanyCardQuery } from '../../../contracts/card-context';
import type { ActionServiceDeps } from '../../actions/action-deps';
import { createCallScriptService, type BuildCallScript } from '../../actions/call-script-service';
import { createOutcomeService } from '../../actions/outcome-service';
import { createPreferencesService } from '../../actions/preferences-service';
import { KeptForLater, keptForLaterAnswer, parkedForMs } from '../../actions/kept-for-later';
import { ValidationFailed, fromZodError } from '../../actions/validation-error';
import { isGatewayError } from '../../hubspot/gateway-error';
import { noStore } from '../no-store';
import { parseJsonBody, verifyHubSpotSignature } from '../signature';

export interface ActionsRouterDeps extends ActionServiceDeps {
  /** The app's client secret: the v3 signature key. */
  readonly clientSecret: string;
  /** PUBLIC_BASE_URL: the origin HubSpot calls (and signs). */
  readonly publicBaseUrl: string;
  /** The domain's `buildCallScript` (injected so the router does not fix which script builder runs). */
  readonly buildCallScript: BuildCallScript;
  /** An outcome with notes and instalments stays far below this (default 32 KB). */
  readonly maxBodyBytes?: number;
}

/** A body that breaks the contract is answered like a refused one: 422 with the field that is wrong. */
function parseBody<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: ZodError } }, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (!r.success) throw fromZodError(r.error);
  return r.data;
}

const validationAnswer: ErrorRequestHandler = (err, _req, res, next) => {
  if (err instanceof KeptForLater) {
    // Saved, and sent to HubSpot by the resume after the reset: accepted, not failed, so nothing asks for a retry.
    res.status(202).json(keptForLaterAnswer(err));
    return;
  }
  const parkedMs = parkedForMs(err);
  if (parkedMs !== undefined) {
    // A write that cannot even be checked while the limit is spent (a newly named contact): nothing was saved.
    res.status(503).set('Retry-After', String(Math.max(1, Math.ceil(parkedMs / 1000))))
      .json({ code: 'hubspot_daily_limit', message: 'HubSpot\'s daily API limit for this account is used up. Nothing was saved; try again after it resets.' } satisfies ApiErrorBody);
    return;
  }
  if (isGatewayError(err)) {
    // HubSpot refused or was unreachable after the caller's retries; the card says so and offers a retry.
    // Every write here is idempotent, so the retry (HubSpot's own included) cannot double anything.
    res.status(502).json({ code: 'hubspot_failed', message: `HubSpot did not accept the change (${err.operation}). Try again in a minute.` } satisfies ApiErrorBody);
    return;
  }
  if (!(err instanceof ValidationFailed)) return next(err);
  const body: ValidationErrorVM = { code: 'validation_failed', message: err.message, fieldErrors: err.fieldErrors };
  res.status(422).json(body);
};

/**
 * The signed API of the Contact preferences and Call script cards, mounted by the lead under /api/cards:
 * GET/PUT /preferences, GET /call-script, POST /outcomes. Same order as the cards router: verify the v3
 * signature on the raw request, parse (zod) the signed query and the body, call one service, answer.
 */
export function createActionsRouter(deps: ActionsRouterDeps): Router {
  const router = Router();
  const preferences = createPreferencesService(deps);
  const logOutcome = createOutcomeService(deps);
  const callScript = createCallScriptService(deps);
  // The signature window stays on real time: HubSpot signs with real timestamps, whatever `deps.now` says.
  const verify = verifyHubSpotSignature({
    clientSecret: deps.clientSecret, publicBaseUrl: deps.publicBaseUrl, maxBodyBytes: deps.maxBodyBytes ?? 32 * 1024,
  });
  // Route-level guards: only these three paths are verified here, so the router can share /api/cards with
  // the cards router without checking its requests twice.
  const guard = [...verify, noStore];

  router.route('/preferences')
    .all(...guard)
    .get(async (req, res) => {
      const q = CompanyCardQuery.parse(req.query);
      res.json(await preferences.get(q.portalId, q.companyId));
    })
    .put(async (req, res) => {
      const q = CompanyCardQuery.parse(req.query);
      res.json(await preferences.save(q.portalId, q.companyId, parseBody(PreferencesInput, parseJsonBody(req))));
    });

  router.route('/call-script')
    .all(...guard)
    .get(async (req, res) => {
      const q = CallScriptQuery.parse(req.query);
      res.json(await callScript(q.portalId, q.companyId, {
        ...(q.language ? { language: q.language } : {}),
        ...(q.companyName ? { companyName: q.companyName } : {}),
        ...(q.contactName ? { contactName: q.contactName } : {}),
      }));
    });

  router.route('/outcomes')
    .all(...guard)
    .post(async (req, res) => {
      const q = CompanyCardQuery.parse(req.query);
      const result = await logOutcome(q.portalId, q.companyId, parseBody(OutcomeInput, parseJsonBody(req)));
      res.status(result.duplicate ? 200 : 201).json(result);
    });

  router.use(validationAnswer);
  return router;
}
