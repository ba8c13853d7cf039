package cn.shanghai.residence.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

import cn.shanghai.residence.gateway.InvalidConfigurationException;

/** Reads the trusted documents' manifest at start-up, and refuses a mode that needs one without it. */
@Configuration(proxyBeanMethods = false)
class TrustedDocumentsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TrustedDocumentsConfiguration.class);

    @Bean
    TrustedDocuments trustedDocuments(DocumentsProperties properties, ResourceLoader resources,
            @Value("${gateway.sandbox.enabled:true}") boolean sandbox) {
        String location = properties.manifestLocation(sandbox);
        if (location == null) {
            if (properties.mode() != DocumentsMode.ANY) {
                throw new InvalidConfigurationException("gateway.documents.manifest", "mode "
                        + properties.mode() + " needs the frontends' manifest of trusted documents");
            }
            return TrustedDocuments.none();
        }
        TrustedDocuments documents = TrustedDocuments.read(resources.getResource(location));
        log.info("{} trusted documents from {} (mode {})", documents.size(), location, properties.mode());
        return documents;
    }
}
