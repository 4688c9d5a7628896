/**
 * `npm run apikey -- create --name archiver --scopes calls:read,customers:write`
 * `npm run apikey -- list` · `npm run apikey -- revoke <id>`
 * Manages service-account API keys in the gateway's store. A new key is printed once; only
 * its hash is kept. A running gateway notices a revocation within SWITCHBOARD_API_KEY_CACHE_MS (30 s).
 */
import { parseArgs } from 'node:util';
import { SCOPES } from '../../schema/access.js';
import { GatewayStore, gatewayDatabaseConfig } from '../store/gateway-store.js';

const USAGE = `Usage:
  npm run apikey -- create --name <name> --scopes <scope,scope,…>
  npm run apikey -- list
  npm run apikey -- revoke <id>
Scopes: ${Object.keys(SCOPES).join(', ')}`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { name: { type: 'string' }, scopes: { type: 'string' }, help: { type: 'boolean' } },
  });
  const [command, id] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const store = await GatewayStore.open(gatewayDatabaseConfig());
  try {
    if (command === 'create' && values.name && values.scopes) {
      const { key, apiKey } = await store.createApiKey(values.name, values.scopes.split(',').map((s) => s.trim()));
      console.log(`Created ${apiKey.id} (${apiKey.name}) with ${apiKey.scopes.join(', ')}.\nThe key, shown only now:\n${key}`);
      return 0;
    }
    if (command === 'list') {
      for (const key of await store.listApiKeys()) {
        console.log(`${key.id}  ${key.name.padEnd(24)} ${key.revokedAt ? `revoked ${key.revokedAt}` : 'active'}  ${key.scopes.join(',')}`);
      }
      return 0;
    }
    if (command === 'revoke' && id) {
      const revoked = await store.revokeApiKey(id);
      console.log(revoked ? `Revoked ${id}.` : `No active key ${id}.`);
      return revoked ? 0 : 1;
    }
    console.error(USAGE);
    return 2;
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  } finally {
    await store.close();
  }
}

process.exitCode = await main();
