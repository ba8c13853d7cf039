package cn.shanghai.residence.gateway.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;

import cn.shanghai.residence.gateway.InvalidConfigurationException;

/**
 * The documents a frontend build declared (its manifest), by id. Each id is checked to be its document's hash when
 * the manifest is read, so an id always names the text that was reviewed and built.
 */
final class TrustedDocuments {

    private static final String PROPERTY = "gateway.documents.manifest";

    private final Map<String, String> byId;

    private TrustedDocuments(Map<String, String> byId) {
        this.byId = Map.copyOf(byId);
    }

    static TrustedDocuments none() {
        return new TrustedDocuments(Map.of());
    }

    /** The manifest as a map of id to document; a wrong id or a non-string document stops the start. */
    static TrustedDocuments of(Map<String, String> manifest) {
        Map<String, String> byId = new HashMap<>();
        manifest.forEach((key, document) -> {
            String id = key.startsWith(DocumentIds.PREFIX) ? key : DocumentIds.PREFIX + key;
            if (!DocumentIds.of(document).equals(id)) {
                throw new InvalidConfigurationException(PROPERTY, "the id " + key
                        + " is not the SHA-256 of its document; rebuild the manifest");
            }
            byId.put(id, document);
        });
        return new TrustedDocuments(byId);
    }

    static TrustedDocuments read(Resource manifest) {
        JsonNode root;
        try (InputStream in = manifest.getInputStream()) {
            root = JsonMapper.builder().build().readTree(in);
        } catch (IOException | JacksonException unreadable) {
            throw new InvalidConfigurationException(PROPERTY, "cannot read " + manifest.getDescription() + ": "
                    + unreadable.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidConfigurationException(PROPERTY, "the manifest must be a JSON object of id to document");
        }
        Map<String, String> entries = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            if (!entry.getValue().isString()) {
                throw new InvalidConfigurationException(PROPERTY, "the document of " + entry.getKey()
                        + " is not a string");
            }
            entries.put(entry.getKey(), entry.getValue().asString());
        }
        return of(entries);
    }

    Optional<String> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    int size() {
        return byId.size();
    }
}
