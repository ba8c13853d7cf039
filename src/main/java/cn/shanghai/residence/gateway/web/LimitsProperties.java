package cn.shanghai.residence.gateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Abuse limits of the GraphQL endpoint under {@code gateway.limits}, all enforced before any upstream is called.
 *
 * @param maxBodyBytes         request body size
 * @param maxDocumentBytes     size of the GraphQL document ({@code query})
 * @param maxTokens            tokens in the document
 * @param maxDepth             nesting of selections
 * @param maxFields            fields selected, fragments expanded
 * @param maxAliases           aliased fields
 * @param maxDirectivesPerField directives on one field
 * @param maxListItems         items in any list argument or variable
 * @param maxJsonNesting       nesting of the request JSON (variables included)
 */
@ConfigurationProperties("gateway.limits")
public record LimitsProperties(Integer maxBodyBytes, Integer maxDocumentBytes, Integer maxTokens, Integer maxDepth,
        Integer maxFields, Integer maxAliases, Integer maxDirectivesPerField, Integer maxListItems,
        Integer maxJsonNesting) {

    public LimitsProperties {
        maxBodyBytes = maxBodyBytes == null ? 65_536 : maxBodyBytes;
        maxDocumentBytes = maxDocumentBytes == null ? 16_384 : maxDocumentBytes;
        maxTokens = maxTokens == null ? 2_000 : maxTokens;
        maxDepth = maxDepth == null ? 10 : maxDepth;
        maxFields = maxFields == null ? 250 : maxFields;
        maxAliases = maxAliases == null ? 20 : maxAliases;
        maxDirectivesPerField = maxDirectivesPerField == null ? 4 : maxDirectivesPerField;
        maxListItems = maxListItems == null ? 100 : maxListItems;
        maxJsonNesting = maxJsonNesting == null ? 32 : maxJsonNesting;
    }
}
