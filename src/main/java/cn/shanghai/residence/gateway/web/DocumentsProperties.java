package cn.shanghai.residence.gateway.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Trusted documents (persisted operations) under {@code gateway.documents}.
 *
 * @param mode          {@code any}, {@code trusted-or-any} or {@code trusted-only} (recommended in production)
 * @param manifest      the frontends' manifest (a JSON object of {@code sha256:<hex>} id to document), e.g.
 *                      {@code file:/etc/gateway/documents.json}; unset: the sample manifest in the sandbox, none
 *                      otherwise
 * @param publicMaxAge  how long a shared cache (a CDN) may keep the answer to a trusted document sent over GET
 *                      without a token and answered without errors; personal answers are never stored
 */
@ConfigurationProperties("gateway.documents")
public record DocumentsProperties(DocumentsMode mode, String manifest, Duration publicMaxAge) {

    /** The test documents of {@code src/test/resources/graphql-test}, for trying ids in the sandbox. */
    static final String SAMPLE_MANIFEST = "classpath:persisted-documents/sample-manifest.json";

    public DocumentsProperties {
        mode = mode == null ? DocumentsMode.ANY : mode;
        manifest = manifest == null || manifest.isBlank() ? null : manifest;
        publicMaxAge = publicMaxAge == null ? Duration.ofMinutes(1) : publicMaxAge;
    }

    /** Where the manifest is read from, or {@code null} for none. */
    String manifestLocation(boolean sandbox) {
        return manifest != null ? manifest : sandbox ? SAMPLE_MANIFEST : null;
    }
}
