package cn.shanghai.residence.gateway.bdc;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;

/**
 * Registers the per-request DataLoader of licenses by id: every {@code issuedLicense}, {@code certificate} and
 * {@code license} field of one query level is answered by one bulk look-up, and each id at most once per request.
 * A lapsed permit resolves to null, as if bdc did not know it ({@link ELicense#offered()}).
 */
@Configuration(proxyBeanMethods = false)
class BdcLoaderConfiguration {

    BdcLoaderConfiguration(BatchLoaderRegistry registry, BdcService bdc) {
        registry.forTypePair(String.class, ELicense.class)
                .registerMappedBatchLoader((licenseIds, environment) -> bdc.eLicensesById(licenseIds)
                        .map(licenses -> licenses.entrySet().stream()
                                .filter(entry -> entry.getValue().offered())
                                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue))));
    }
}
