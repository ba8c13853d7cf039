package cn.shanghai.residence.gateway.postal;

import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;

/**
 * Registers the per-request DataLoader of parcels by tracking number: every {@code Delivery.shipment} of one query
 * level is answered by one EMS look-up per 50 numbers, and each number at most once per request.
 */
@Configuration(proxyBeanMethods = false)
class PostalLoaderConfiguration {

    PostalLoaderConfiguration(BatchLoaderRegistry registry, PostalService postal) {
        registry.forTypePair(String.class, Shipment.class)
                .registerMappedBatchLoader((trackingNumbers, environment) -> postal.shipments(trackingNumbers));
    }
}
