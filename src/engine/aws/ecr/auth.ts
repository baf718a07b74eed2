/**
 * GetAuthorizationToken (what `aws ecr get-login-password` calls). AWS facts: the token is
 * base64 of "AWS:<password>", valid 12 hours; proxyEndpoint is https://ACCOUNT.dkr.ecr.REGION.amazonaws.com.
 * Choice: the password is 64 hex digits from the seeded generator (AWS's is a long opaque blob).
 */
import type { Simulation } from '../../simulation';
import { registryHost } from '../../world/arn';
import type { Input } from '../validate';
import { regionOf } from './common';

export const TOKEN_VALIDITY_SECONDS = 12 * 60 * 60;

export function getAuthorizationToken(sim: Simulation, input: Input) {
  const region = regionOf(sim.world, input);
  const password = sim.random.hex(64);
  return {
    authorizationData: [
      {
        authorizationToken: btoa(`AWS:${password}`),
        expiresAt: sim.date(sim.now + TOKEN_VALIDITY_SECONDS),
        proxyEndpoint: `https://${registryHost(sim.world, region)}`,
      },
    ],
  };
}
