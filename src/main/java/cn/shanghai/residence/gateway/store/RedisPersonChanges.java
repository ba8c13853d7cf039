package cn.shanghai.residence.gateway.store;

import java.time.Duration;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.util.retry.Retry;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * {@link PersonChanges} across replicas through Redis pub/sub: a change is told to this replica's listeners at once,
 * then published; every other replica's subscription tells its listeners. The message is the replica's id and the
 * person id (the opaque 一网通办 id the agencies' URLs carry, never an ID number or a name); it passes through Redis
 * and is stored nowhere. A message published while Redis is down is lost and that person's entries on other replicas
 * expire by their TTL (seconds for police); while Redis is down no application can be submitted anyway.
 */
final class RedisPersonChanges extends LocalPersonChanges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RedisPersonChanges.class);

    private final ReactiveStringRedisTemplate redis;
    private final String channel;
    private final String self = UUID.randomUUID().toString();
    private volatile Disposable subscription;

    RedisPersonChanges(ReactiveStringRedisTemplate redis, StoreKeys keys) {
        this.redis = redis;
        this.channel = keys.channel("person-changed");
    }

    @Override
    public void changed(String personId) {
        tell(personId);
        redis.convertAndSend(channel, self + " " + personId)
                .subscribe(receivers -> { }, error -> log.warn("Could not publish a person's change to the other "
                        + "replicas ({}); their cached entries expire by TTL", error.getClass().getSimpleName()));
    }

    @Override
    public void start() {
        subscription = redis.listenToChannel(channel)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(2)))
                .subscribe(message -> {
                    String[] parts = message.getMessage().split(" ", 2);
                    if (parts.length == 2 && !parts[0].equals(self)) {
                        tell(parts[1]);
                    }
                });
    }

    @Override
    public void stop() {
        Disposable running = subscription;
        if (running != null) {
            running.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return subscription != null && !subscription.isDisposed();
    }
}
