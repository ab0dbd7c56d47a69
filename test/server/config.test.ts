import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig, privateAppOf, usesEmbeddedSandbox, usesPrivateRedis } from '../../src/server/config';

const KEY = Buffer.alloc(32, 7).toString('base64');
const REAL_HUBSPOT = {
  HUBSPOT_BASE_PATH: 'https://api.hubapi.com',
  HUBSPOT_CLIENT_ID: 'client-id',
  HUBSPOT_CLIENT_SECRET: 'client-secret-value',
  TOKEN_ENCRYPTION_KEY: KEY,
  PUBLIC_BASE_URL: 'https://rd.example.com',
};

function problemsOf(env: Record<string, string | undefined>): readonly string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig', () => {
  it('when the environment is empty, then the embedded defaults apply', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      NODE_ENV: 'development', PORT: 3000, PUBLIC_BASE_URL: 'http://localhost:3000', REDIS_PREFIX: 'rd',
      HUBSPOT_RATE_LIMIT_TIER: 'marketplace', LOG_LEVEL: 'warn', INGEST_MAX_BODY_BYTES: 1024 * 1024,
    });
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.HUBSPOT_BASE_PATH).toBeUndefined();
    expect(usesEmbeddedSandbox(config)).toBe(true);
    expect(usesPrivateRedis(config)).toBe(true);
    expect(config.TOKEN_ENCRYPTION_KEY).toHaveLength(32);
  });

  it('when no key is configured, then each run gets a different random encryption key', () => {
    expect(loadConfig({}).TOKEN_ENCRYPTION_KEY.equals(loadConfig({}).TOKEN_ENCRYPTION_KEY)).toBe(false);
  });

  it('when TRUST_PROXY is unset, then no proxy is trusted; hop counts and address lists are read, anything else is refused', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,2001:db8::1' }).TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8', '2001:db8::1']);
    for (const bad of ['true', '0', '11', '10.0.0.0/33', 'proxy.example', ',']) {
      expect(problemsOf({ TRUST_PROXY: bad }), bad).toEqual(['TRUST_PROXY must be false, 1-10 proxy hops, or a comma list of proxy addresses/subnets']);
    }
  });

  it('when the operator names admins or a queue dashboard token, then they are read; bad values are refused by name', () => {
    expect(loadConfig({}).ADMIN_USER_IDS).toBeUndefined();
    expect(loadConfig({ ADMIN_USER_IDS: '1234567,2345678' }).ADMIN_USER_IDS).toEqual(['1234567', '2345678']);
    expect(problemsOf({ ADMIN_USER_IDS: 'alice' })[0]).toMatch(/^ADMIN_USER_IDS must be HubSpot user ids/);
    expect(loadConfig({}).QUEUE_DASHBOARD_TOKEN).toBeUndefined();
    expect(loadConfig({ QUEUE_DASHBOARD_TOKEN: 'x'.repeat(24) }).QUEUE_DASHBOARD_TOKEN).toBe('x'.repeat(24));
    expect(problemsOf({ QUEUE_DASHBOARD_TOKEN: 'short' })[0]).toMatch(/^QUEUE_DASHBOARD_TOKEN must be at least 24 characters/);
  });

  it('when PORT is set and PUBLIC_BASE_URL is not, then the default origin follows the port', () => {
    expect(loadConfig({ PORT: '8080' }).PUBLIC_BASE_URL).toBe('http://localhost:8080');
  });

  it('when variables are empty strings, then they count as unset', () => {
    const config = loadConfig({ REDIS_URL: '', PORT: ' ', HUBSPOT_BASE_PATH: '' });
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.PORT).toBe(3000);
    expect(usesEmbeddedSandbox(config)).toBe(true);
  });

  it('when real HubSpot is fully configured, then the values are parsed and normalised', () => {
    const config = loadConfig({ ...REAL_HUBSPOT, HUBSPOT_BASE_PATH: 'https://api.hubapi.com/', PUBLIC_BASE_URL: 'https://rd.example.com/',
      REDIS_URL: 'redis://:pw@redis.internal:6380/2', HUBSPOT_RATE_LIMIT_TIER: 'private-pro', CREDIT_CONTROLLER_OWNER_ID: '12345' });
    expect(config.HUBSPOT_BASE_PATH).toBe('https://api.hubapi.com');
    expect(config.PUBLIC_BASE_URL).toBe('https://rd.example.com');
    expect(config.TOKEN_ENCRYPTION_KEY.equals(Buffer.alloc(32, 7))).toBe(true);
    expect(config.HUBSPOT_RATE_LIMIT_TIER).toBe('private-pro');
    expect(usesEmbeddedSandbox(config)).toBe(false);
    expect(usesPrivateRedis(config)).toBe(false);
  });

  it('when REDIS_URL points at a unix socket (as the private Redis does), then it is accepted', () => {
    expect(loadConfig({ REDIS_URL: 'unix:///tmp/rd/redis.sock' }).REDIS_URL).toBe('unix:///tmp/rd/redis.sock');
  });

  it('when the result is returned, then it is frozen', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(() => { (config as { PORT: number }).PORT = 1; }).toThrow(TypeError);
  });

  it('when several variables are bad, then the error names each of them', () => {
    const problems = problemsOf({ PORT: 'eighty', REDIS_URL: 'http://localhost:6379', LOG_LEVEL: 'loud',
      HUBSPOT_RATE_LIMIT_TIER: 'gold', REDIS_PREFIX: 'a:b', INGEST_MAX_BODY_BYTES: '12', NODE_ENV: 'staging' });
    const named = problems.map((p) => p.split(' ')[0]).sort();
    expect(named).toEqual(['HUBSPOT_RATE_LIMIT_TIER', 'INGEST_MAX_BODY_BYTES', 'LOG_LEVEL', 'NODE_ENV', 'PORT', 'REDIS_PREFIX', 'REDIS_URL']);
    expect(problems.find((p) => p.startsWith('HUBSPOT_RATE_LIMIT_TIER'))).toContain('marketplace, private-starter');
  });

  it('when HUBSPOT_BASE_PATH is set alone, then every variable real HubSpot needs is reported missing', () => {
    const problems = problemsOf({ HUBSPOT_BASE_PATH: 'https://api.hubapi.com' });
    expect(problems.map((p) => p.split(' ')[0]).sort())
      .toEqual(['HUBSPOT_CLIENT_ID', 'HUBSPOT_CLIENT_SECRET', 'PUBLIC_BASE_URL', 'TOKEN_ENCRYPTION_KEY']);
    expect(problems.join('\n')).toContain('is required when HUBSPOT_BASE_PATH is set');
  });

  it('when real HubSpot is used with a plain-http public origin, then it is rejected', () => {
    expect(problemsOf({ ...REAL_HUBSPOT, PUBLIC_BASE_URL: 'http://rd.example.com' })[0]).toMatch(/^PUBLIC_BASE_URL must be https/);
  });

  it('when the public base URL has a path, then it is rejected as not an origin', () => {
    expect(problemsOf({ PUBLIC_BASE_URL: 'https://rd.example.com/api' })[0]).toMatch(/^PUBLIC_BASE_URL must be an origin only/);
  });

  it.each([
    ['too short', Buffer.alloc(16, 1).toString('base64')],
    ['not base64', 'this is not base64 at all, not even close!!'],
  ])('when the encryption key is %s, then it is rejected without echoing it', (_label, value) => {
    const problems = problemsOf({ TOKEN_ENCRYPTION_KEY: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^TOKEN_ENCRYPTION_KEY must be 32 random bytes/);
    expect(problems[0]).not.toContain(value);
  });

  it('when a secret is malformed alongside others, then no secret value appears in the message', () => {
    const secret = 'super-secret-client-value';
    const problems = problemsOf({ ...REAL_HUBSPOT, HUBSPOT_CLIENT_SECRET: secret, PORT: '-1' });
    expect(problems.join('\n')).not.toContain(secret);
  });
});

describe('private-app mode', () => {
  const PRIVATE_APP = {
    HUBSPOT_BASE_PATH: 'https://api.hubapi.com', HUBSPOT_ACCESS_TOKEN: 'pat-token', HUBSPOT_PORTAL_ID: '14000001',
    HUBSPOT_CLIENT_SECRET: 'client-secret-value', PUBLIC_BASE_URL: 'https://rd.example.com',
  };

  it('when the token, the portal id and HubSpot are set, then no OAuth client id or encryption key is needed', () => {
    const config = loadConfig(PRIVATE_APP);
    expect(privateAppOf(config)).toEqual({ portalId: '14000001', accessToken: 'pat-token' });
    expect(config.LOG_LEVEL).toBe('info');
    expect(privateAppOf(loadConfig(REAL_HUBSPOT))).toBeUndefined();
  });

  it('when the token comes without a portal id (or the other way round), then start-up names what is missing', () => {
    const { HUBSPOT_PORTAL_ID: _p, ...noPortal } = PRIVATE_APP;
    expect(problemsOf(noPortal).join('\n')).toContain('HUBSPOT_PORTAL_ID is required for private-app mode');
    const { HUBSPOT_ACCESS_TOKEN: _t, HUBSPOT_BASE_PATH: _b, ...noToken } = PRIVATE_APP;
    const problems = problemsOf(noToken).join('\n');
    expect(problems).toContain('HUBSPOT_ACCESS_TOKEN is required');
    expect(problems).toContain('HUBSPOT_BASE_PATH is required');
    const { HUBSPOT_CLIENT_SECRET: _s, ...noSecret } = PRIVATE_APP;
    expect(problemsOf(noSecret).join('\n')).toContain('HUBSPOT_CLIENT_SECRET is required');
  });
});

describe('describeConfig', () => {
  it('when describing a configured app, then secrets and the Redis password are hidden', () => {
    const config = loadConfig({ ...REAL_HUBSPOT, HUBSPOT_ACCESS_TOKEN: 'token-value', HUBSPOT_PORTAL_ID: '123', REDIS_URL: 'redis://user:hunter2@redis:6379' });
    const described = JSON.stringify(describeConfig(config));
    for (const secret of ['client-secret-value', 'token-value', 'hunter2', KEY]) expect(described).not.toContain(secret);
    expect(describeConfig(config)).toMatchObject({ HUBSPOT_CLIENT_SECRET: '[set]', TOKEN_ENCRYPTION_KEY: '[set]', HUBSPOT_CLIENT_ID: 'client-id' });
  });
});
