package cn.shanghai.residence.gateway.bdc;

import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;

/**
 * Registers the per-request DataLoader of licenses by id: every {@code issuedLicense}, {@code certificate} and
 * {@code license} field of one query level is answered by one bulk look-up, and each id at most once per request.
 */
@Configuration(proxyBeanMethods = false)
class BdcLoaderConfiguration {

    BdcLoaderConfiguration(BatchLoaderRegistry registry, BdcService bdc) {
        registry.forTypePair(String.class, ELicense.class)
                .registerMappedBatchLoader((licenseIds, environment) -> bdc.eLicensesById(licenseIds));
    }
}
