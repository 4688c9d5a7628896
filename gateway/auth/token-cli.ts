/**
 * `npm run token -- --role agent --sub agent-7 [--team team-bj] [--agent agt_007] [--ttl 8h] [--scope "…"]`
 * prints a development token signed with the local HS256 secret, so every role can be
 * tried against `npm start`. Refuses to run when a JWKS URL is configured (production).
 */
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
import { ROLES } from '../../schema/access.js';
import { secret } from '../../subgraphs/shared/secrets.js';
import { gatewayConfig } from '../config.js';

export async function signDevToken(options: { role: string; sub: string; team?: string; agentId?: string; ttl?: string; scope?: string }, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const config = gatewayConfig(env);
  const claims: Record<string, string> = { role: options.role };
  if (options.team) claims.team = options.team;
  if (options.agentId) claims.agent_id = options.agentId;
  if (options.scope) claims.scope = options.scope;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(options.sub)
    .setIssuer(config.jwt.issuer)
    .setAudience(config.jwt.audience)
    .setIssuedAt()
    .setExpirationTime(options.ttl ?? '8h')
    .sign(new TextEncoder().encode(secret('SWITCHBOARD_JWT_SECRET', env)));
}

const USAGE = `Usage: npm run token -- --role <${Object.keys(ROLES).join('|')}> --sub <subject> [--team team-bj] [--agent agt_001] [--ttl 8h] [--scope "customers:read …"]`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      sub: { type: 'string' },
      team: { type: 'string' },
      agent: { type: 'string' },
      ttl: { type: 'string' },
      scope: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.role || !Object.hasOwn(ROLES, values.role) || !values.sub) {
    console.error(USAGE);
    process.exit(2);
  }
  if (process.env.SWITCHBOARD_JWKS_URL) {
    console.error('SWITCHBOARD_JWKS_URL is set: tokens come from your identity provider, not from this tool.');
    process.exit(2);
  }
  console.log(await signDevToken({ role: values.role, sub: values.sub, team: values.team, agentId: values.agent, ttl: values.ttl, scope: values.scope }));
}

if (process.argv[1]?.endsWith('token-cli.ts')) await main();
