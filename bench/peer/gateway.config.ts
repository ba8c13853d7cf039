// The peer's settings. With PEER_JWT_KEY (a PEM public key) and PEER_JWT_ISSUER it checks the same RS256 bearer
// token our gateway checks (signature, issuer, audience, expiry), so the two can be compared doing the same work.
import { readFileSync } from 'node:fs';
import { createInlineSigningKeyProvider, defineConfig, extractFromHeader } from '@graphql-hive/gateway';

const keyFile = process.env.PEER_JWT_KEY;

export const gatewayConfig = defineConfig({
  logging: 'warn',
  ...(keyFile
    ? {
        jwt: {
          signingKeyProviders: [createInlineSigningKeyProvider(readFileSync(keyFile, 'utf8'))],
          tokenLookupLocations: [extractFromHeader({ name: 'authorization', prefix: 'Bearer' })],
          tokenVerification: {
            algorithms: ['RS256'],
            issuer: process.env.PEER_JWT_ISSUER,
            audience: 'residence-gateway',
          },
          reject: { missingToken: true, invalidToken: true },
        },
      }
    : {}),
});
