package cn.shanghai.residence.gateway.web;

import java.nio.charset.StandardCharsets;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.webflux.GraphQlHttpHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import cn.shanghai.residence.gateway.i18n.Messages;
import cn.shanghai.residence.gateway.i18n.Text;

/**
 * Queries over GET, as GraphQL over HTTP allows: {@code query}, {@code operationName} and URL-encoded JSON
 * {@code variables} and {@code extensions}, or a trusted document's {@code documentId} instead of {@code query}
 * (a URL a CDN can cache). Mutations are never run over GET (405, Allow: POST). A GET is checked
 * by the same {@link GraphQlRequestRules} as a POST and answered by the same handler, so limits, errors and content
 * types are the same.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlGetRoute {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> graphQlGet(GraphQlHttpHandler handler, GraphQlRequestRules rules,
            LimitsProperties limits, Messages messages) {
        return RouterFunctions.route(RequestPredicates.GET("/graphql"), request -> get(request, handler, rules,
                limits, messages));
    }

    private static Mono<ServerResponse> get(ServerRequest request, GraphQlHttpHandler handler,
            GraphQlRequestRules rules, LimitsProperties limits, Messages messages) {
        GraphQlRequestRules.Converted post = rules.fromGet(request.queryParam("query").orElse(null),
                request.queryParam("documentId").orElse(null), request.queryParam("operationName").orElse(null),
                request.queryParam("variables").orElse(null), request.queryParam("extensions").orElse(null));
        if (post.refusal() != null) {
            return RequestRefusals.response(request, HttpStatus.BAD_REQUEST, post.refusal().code(),
                    messages.render(post.refusal().message(), request.headers().asHttpHeaders()));
        }
        if (isMutation(post.document(), request.queryParam("operationName").orElse(null), limits)) {
            return RequestRefusals.response(request, HttpStatus.METHOD_NOT_ALLOWED, ErrorCode.BAD_REQUEST,
                    messages.render(Text.of("error.BAD_REQUEST.mutationOverGet"), request.headers().asHttpHeaders()),
                    headers -> headers.set(HttpHeaders.ALLOW, "POST"));
        }
        ServerRequest asPost = ServerRequest.from(request)
                .method(HttpMethod.POST)
                .headers(headers -> headers.setContentType(MediaType.APPLICATION_JSON))
                .attribute(PublicAnswerCaching.PUBLIC_DOCUMENT, request.queryParam("documentId").isPresent()
                        && !request.headers().asHttpHeaders().containsHeader(HttpHeaders.AUTHORIZATION))
                .body(new String(post.body(), StandardCharsets.UTF_8))
                .build();
        return handler.handleRequest(asPost);
    }

    /** Whether the operation that would run is a mutation (or subscription); a document that does not parse is not. */
    private static boolean isMutation(String query, String operationName, LimitsProperties limits) {
        try {
            Document document = Parser.parse(ParserEnvironment.newParserEnvironment().document(query)
                    .parserOptions(ParserOptions.newParserOptions().maxTokens(limits.maxTokens()).build()).build());
            return document.getDefinitionsOfType(OperationDefinition.class).stream()
                    .filter(op -> operationName == null || operationName.equals(op.getName()))
                    .anyMatch(op -> op.getOperation() != OperationDefinition.Operation.QUERY);
        } catch (InvalidSyntaxException unparsable) {
            return false;
        }
    }
}
