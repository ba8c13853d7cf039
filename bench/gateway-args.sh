# Sourced by the bench scripts: the gateway in production mode against the bench stubs on $STUB_PORT, signed in by
# the key bench/BenchTokens.java wrote to $OUT, with a rate limit out of reach. Fills the array GATEWAY_PRODUCTION.
# shellcheck shell=bash
GATEWAY_PRODUCTION=(--gateway.sandbox.enabled=false
    --gateway.security.issuer="$ISSUER"
    --spring.security.oauth2.resourceserver.jwt.public-key-location="file:$OUT/public.pem"
    --gateway.rate-limit.requests-per-minute=1000000000 --gateway.rate-limit.burst=1000000000)
for upstream in police housing bdc postal; do
    GATEWAY_PRODUCTION+=(--gateway.upstreams.$upstream.base-url="http://127.0.0.1:$STUB_PORT/$upstream/v1")
done
