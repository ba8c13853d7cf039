package cn.shanghai.residence.gateway.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the gateway uses Redis when {@code gateway.store=redis}, under {@code gateway.redis}; the connection itself is
 * Spring Boot's {@code spring.data.redis.*}.
 *
 * @param keyPrefix     starts every key and channel name: replicas of one deployment share it, two deployments on one
 *                      Redis (or two test classes) must not
 * @param inFlightTtl   how long a claimed idempotency key stays claimed without an outcome; past it (the replica that
 *                      claimed it died) a retry may claim it again, and police's own Idempotency-Key keeps that retry
 *                      from creating a second application. Longer than the request deadline.
 * @param duplicatePoll how often a duplicate waiting for another replica's outcome looks for it
 */
@ConfigurationProperties("gateway.redis")
public record RedisStoreProperties(String keyPrefix, Duration inFlightTtl, Duration duplicatePoll) {

    public RedisStoreProperties {
        keyPrefix = keyPrefix == null ? "residence-gateway:" : keyPrefix;
        inFlightTtl = inFlightTtl == null ? Duration.ofSeconds(30) : inFlightTtl;
        duplicatePoll = duplicatePoll == null ? Duration.ofMillis(50) : duplicatePoll;
    }
}
