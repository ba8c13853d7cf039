package cn.shanghai.residence.gateway.web;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Parses and validates each distinct GraphQL document once: apps send the same few documents over and over, and
 * parsing plus validation was a sixth of the gateway's CPU per query. Documents over a limit are refused before
 * validation and never cached; the cache is bounded by the total size of the documents it holds.
 */
@Configuration(proxyBeanMethods = false)
class DocumentCache {

    /** Characters of document text kept at most (about 8 MB). */
    static final long MAXIMUM_WEIGHT = 4_000_000;

    @Bean
    GraphQlSourceBuilderCustomizer cachedDocuments() {
        Cache<String, PreparsedDocumentEntry> documents = Caffeine.newBuilder()
                .maximumWeight(MAXIMUM_WEIGHT)
                .weigher((String query, PreparsedDocumentEntry entry) -> query.length())
                .build();
        PreparsedDocumentProvider provider = new PreparsedDocumentProvider() {
            @Override
            public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                    Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
                return CompletableFuture.completedFuture(
                        documents.get(input.getQuery(), query -> parseAndValidate.apply(input)));
            }
        };
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(provider));
    }
}
