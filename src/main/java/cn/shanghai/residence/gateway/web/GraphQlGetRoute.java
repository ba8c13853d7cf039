package cn.shanghai.residence.gateway.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

/**
 * Queries over GET, as GraphQL over HTTP allows: {@code query}, {@code operationName} and URL-encoded JSON
 * {@code variables} and {@code extensions}. Mutations are never run over GET (405, Allow: POST). A valid GET is
 * answered by the same handler as a POST, so limits, errors and content types are the same.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlGetRoute {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> graphQlGet(GraphQlHttpHandler handler, LimitsProperties limits) {
        return RouterFunctions.route(RequestPredicates.GET("/graphql"), request -> get(request, handler, limits));
    }

    private static Mono<ServerResponse> get(ServerRequest request, GraphQlHttpHandler handler,
            LimitsProperties limits) {
        Optional<String> query = request.queryParam("query").filter(q -> !q.isBlank());
        if (query.isEmpty()) {
            return GraphQlErrorResponses.response(request, HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST,
                    "The request needs a 'query' parameter.");
        }
        if (query.get().getBytes(StandardCharsets.UTF_8).length > limits.maxDocumentBytes()) {
            return GraphQlErrorResponses.response(request, HttpStatus.BAD_REQUEST, ErrorCode.QUERY_TOO_COMPLEX,
                    "The GraphQL document exceeds " + limits.maxDocumentBytes() + " bytes.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query.get());
        request.queryParam("operationName").ifPresent(name -> body.put("operationName", name));
        for (String member : new String[] {"variables", "extensions"}) {
            Optional<String> value = request.queryParam(member);
            if (value.isPresent()) {
                JsonNode parsed = parse(value.get());
                if (parsed == null || !parsed.isObject()) {
                    return GraphQlErrorResponses.response(request, HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST,
                            "'" + member + "' must be a URL-encoded JSON object.");
                }
                body.put(member, parsed);
            }
        }
        if (isMutation(query.get(), (String) body.get("operationName"), limits)) {
            return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, "POST")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("errors", List.of(Map.of("message",
                            "Mutations are accepted over POST only.", "extensions", Map.of("code", "BAD_REQUEST")))));
        }
        ServerRequest asPost = ServerRequest.from(request)
                .method(HttpMethod.POST)
                .headers(headers -> headers.setContentType(MediaType.APPLICATION_JSON))
                .body(JSON.writeValueAsString(body))
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

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (JacksonException malformed) {
            return null;
        }
    }
}
