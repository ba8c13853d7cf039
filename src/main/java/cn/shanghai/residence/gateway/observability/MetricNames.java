package cn.shanghai.residence.gateway.observability;

/**
 * The names of the gateway's own service-level indicators, in one place: the alert rules in
 * {@code ops/prometheus/} and the dashboard in {@code ops/grafana/} are tested against a scrape of them.
 */
public final class MetricNames {

    /** Timer of {@code me} (whole), each of its sections, the other root fields and each mutation; tags field, outcome. */
    public static final String GRAPHQL_FIELDS = "gateway.graphql.fields";
    /** Counter of GraphQL errors in answers, by {@code extensions.code}. */
    public static final String GRAPHQL_ERRORS = "gateway.graphql.errors";
    /** Timer of upstream calls, retries included; tags upstream, resource, outcome. */
    public static final String UPSTREAM_CALLS = "gateway.upstream.calls";
    /** Counter of mutations answered from their idempotency key's first outcome, without submitting again. */
    public static final String IDEMPOTENCY_REPLAYS = "gateway.idempotency.replays";
    /** Counter of requests refused by the per-caller rate limit; tag caller = person or anonymous. */
    public static final String RATE_LIMITED = "gateway.rate-limit.refused";
    /** Gauge of live subscriptions open on this instance (WebSocket and SSE streams). */
    public static final String LIVE_SUBSCRIPTIONS = "gateway.live.subscriptions";

    private MetricNames() {
    }
}
