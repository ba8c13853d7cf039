package cn.shanghai.residence.gateway.store;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where what replicas must share is kept, {@code gateway.store}: in this gateway's memory (one instance, nothing to
 * install) or in Redis (several replicas behind a load balancer).
 *
 * @param store {@code memory} or {@code redis}
 */
@ConfigurationProperties("gateway")
public record StoreProperties(Store store) {

    public StoreProperties {
        store = store == null ? Store.MEMORY : store;
    }

    /** The two kinds of store. */
    public enum Store {
        MEMORY, REDIS
    }
}
