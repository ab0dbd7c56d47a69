import type { Config } from '../config';
import type { PortalDefaults } from './install-service';

/**
 * Settings of a newly installed portal until HubSpot's account-info API has answered (install-service.ts then
 * takes its time zone and currency). Account-info names no country, so public holidays stay the product's home
 * market's (NL) until the portal is configured otherwise.
 */
export function portalDefaultsFrom(config: Pick<Config, 'HUBSPOT_RATE_LIMIT_TIER' | 'CREDIT_CONTROLLER_OWNER_ID'>, basePath: string): PortalDefaults {
  return {
    timeZone: 'Europe/Amsterdam',
    country: 'NL',
    tier: config.HUBSPOT_RATE_LIMIT_TIER,
    basePath,
    ...(config.CREDIT_CONTROLLER_OWNER_ID ? { creditControllerOwnerId: config.CREDIT_CONTROLLER_OWNER_ID } : {}),
  };
}
