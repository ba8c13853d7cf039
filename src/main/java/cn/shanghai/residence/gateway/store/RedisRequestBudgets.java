package cn.shanghai.residence.gateway.store;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.RedisApi;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * {@link RequestBudgets} in Redis, one budget per caller for all replicas together: Bucket4j's token bucket over
 * Lettuce (compare-and-swap in a Lua script), on the gateway's one shared Redis connection. When Redis cannot answer,
 * the request is judged by this replica's own budget instead ({@code gateway.rate-limit.fallbacks} counts it): rate
 * limiting degrades to per instance, requests are never refused because Redis is down. The request goes on off
 * Lettuce's I/O thread, which stays free for every replica's Redis traffic.
 */
final class RedisRequestBudgets implements RequestBudgets {

    private static final Logger log = LoggerFactory.getLogger(RedisRequestBudgets.class);
    /** After a failed connection attempt, the next is not tried before this: no connect storm while Redis is down. */
    private static final long RECONNECT_PAUSE_MILLIS = 1_000;

    private final LettuceConnectionFactory connections;
    private final StoreKeys keys;
    private final BucketConfiguration configuration;
    private final LocalRequestBudgets fallback;
    private final Clock clock;
    private final Counter fallbacks;
    private final AtomicReference<AsyncProxyManager<Object>> buckets = new AtomicReference<>();
    private final AtomicLong nextConnectAttempt = new AtomicLong();

    RedisRequestBudgets(LettuceConnectionFactory connections, StoreKeys keys, RateLimitProperties properties,
            LocalRequestBudgets fallback, Clock clock, MeterRegistry meters) {
        this.connections = connections;
        this.keys = keys;
        this.configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(properties.burst())
                        .refillGreedy(properties.requestsPerMinute(), Duration.ofMinutes(1)))
                .build();
        this.fallback = fallback;
        this.clock = clock;
        this.fallbacks = Counter.builder("gateway.rate-limit.fallbacks")
                .description("requests judged by this replica's own budget because Redis did not answer")
                .register(meters);
    }

    @Override
    public Mono<Long> take(String caller) {
        byte[] key = keys.key("rate", caller).getBytes(StandardCharsets.UTF_8);
        return buckets()
                .flatMap(manager -> Mono.fromFuture(() -> manager.getProxy(key,
                        () -> CompletableFuture.completedFuture(configuration)).tryConsumeAndReturnRemaining(1)))
                .map(probe -> probe.isConsumed() ? 0L
                        : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999) / 1_000_000))
                .publishOn(Schedulers.parallel())
                .onErrorResume(error -> {
                    log.debug("Rate limit judged locally: Redis did not answer ({})", error.getClass().getSimpleName());
                    fallbacks.increment();
                    return Mono.just(fallback.takeNow(caller));
                });
    }

    /**
     * The bucket proxies, over the shared connection once it exists (Lettuce reconnects it by itself from then on).
     * Until the first connection succeeds, one attempt per second is made, off the event loop.
     */
    private Mono<AsyncProxyManager<Object>> buckets() {
        AsyncProxyManager<Object> ready = buckets.get();
        if (ready != null) {
            return Mono.just(ready);
        }
        long now = clock.millis();
        long next = nextConnectAttempt.get();
        if (now < next || !nextConnectAttempt.compareAndSet(next, now + RECONNECT_PAUSE_MILLIS)) {
            return Mono.error(new StoreUnavailableException("no Redis connection yet"));
        }
        return Mono.fromCallable(this::connect).subscribeOn(Schedulers.boundedElastic());
    }

    @SuppressWarnings("unchecked")
    private AsyncProxyManager<Object> connect() {
        try (RedisConnection connection = connections.getConnection()) {
            RedisClusterAsyncCommands<byte[], byte[]> commands =
                    (RedisClusterAsyncCommands<byte[], byte[]>) connection.getNativeConnection();
            AsyncProxyManager<Object> manager = new Bucket4jLettuce.LettuceBasedProxyManagerBuilder<>(api(commands))
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                            Duration.ofSeconds(10)))
                    .build()
                    .asAsync();
            buckets.compareAndSet(null, manager);
            return buckets.get();
        }
    }

    /**
     * Bucket4j's calls on the shared connection. Typed {@code Object}: Bucket4j builds its key arrays as
     * {@code Object[]}, which a {@code RedisApi<byte[]>} would fail to cast; every key is a {@code byte[]}.
     */
    private static RedisApi<Object> api(RedisClusterAsyncCommands<byte[], byte[]> commands) {
        return new RedisApi<>() {
            @Override
            public <V> RedisFuture<V> eval(String script, ScriptOutputType type, Object[] keys, byte[][] args) {
                byte[][] binaryKeys = new byte[keys.length][];
                for (int i = 0; i < keys.length; i++) {
                    binaryKeys[i] = (byte[]) keys[i];
                }
                return commands.eval(script, type, binaryKeys, args);
            }

            @Override
            public RedisFuture<byte[]> get(Object key) {
                return commands.get((byte[]) key);
            }

            @Override
            public RedisFuture<?> delete(Object key) {
                return commands.del((byte[]) key);
            }
        };
    }
}
