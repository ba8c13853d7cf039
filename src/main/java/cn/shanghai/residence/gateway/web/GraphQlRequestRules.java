package cn.shanghai.residence.gateway.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * What a GraphQL-over-HTTP request must be before anything runs, the same for a POST body and for a GET's
 * parameters: one JSON object (no batching); {@code query} a string within the document limit;
 * {@code operationName} a string; {@code variables} and {@code extensions} objects; shallow nesting and short
 * lists in the variables.
 */
@Component
class GraphQlRequestRules {

    /** Why a request is refused: BAD_REQUEST when malformed, QUERY_TOO_COMPLEX when over a limit. */
    record Refusal(ErrorCode code, String message) {
    }

    /** A GET turned into the body of the equivalent POST, or why it cannot be. */
    record Converted(byte[] body, Refusal refusal) {
    }

    private final LimitsProperties limits;
    private final JsonMapper json;

    GraphQlRequestRules(LimitsProperties limits) {
        this.limits = limits;
        this.json = JsonMapper.builder(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(limits.maxJsonNesting())
                        .build())
                .build()).build();
    }

    Optional<Refusal> check(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException malformed) {
            return Optional.of(unparsable(malformed, "The request body is not valid JSON."));
        }
        if (root == null || root.isMissingNode()) {
            return refuse("The request body is empty.");
        }
        if (root.isArray()) {
            return refuse("Batched requests (a JSON array) are not supported; send one request object.");
        }
        if (!root.isObject()) {
            return refuse("The request body must be a JSON object.");
        }
        JsonNode query = root.get("query");
        if (query == null || !query.isString() || query.asString().isBlank()) {
            return refuse("The request needs a 'query' string.");
        }
        if (query.asString().getBytes(StandardCharsets.UTF_8).length > limits.maxDocumentBytes()) {
            return limit("The GraphQL document exceeds " + limits.maxDocumentBytes() + " bytes.");
        }
        for (Map.Entry<String, Boolean> member : Map.of("operationName", false, "variables", true,
                "extensions", true).entrySet()) {
            JsonNode value = root.get(member.getKey());
            boolean wrong = value != null && !value.isNull()
                    && (member.getValue() ? !value.isObject() : !value.isString());
            if (wrong) {
                return refuse("'" + member.getKey() + "' must be " + (member.getValue() ? "an object." : "a string."));
            }
        }
        JsonNode variables = root.get("variables");
        if (variables != null && longestList(variables) > limits.maxListItems()) {
            return limit("A list in the variables has more than " + limits.maxListItems() + " items.");
        }
        return Optional.empty();
    }

    /**
     * A GET's parameters ({@code variables} and {@code extensions} as URL-decoded JSON) as the body of the
     * equivalent POST, checked by the same rules.
     */
    Converted fromGet(String query, String operationName, String variables, String extensions) {
        ObjectNode body = json.createObjectNode();
        body.put("query", query);
        if (operationName != null) {
            body.put("operationName", operationName);
        }
        try {
            if (variables != null) {
                body.set("variables", json.readTree(variables));
            }
            if (extensions != null) {
                body.set("extensions", json.readTree(extensions));
            }
        } catch (JacksonException malformed) {
            return new Converted(null, unparsable(malformed, "'variables' and 'extensions' must be URL-encoded JSON."));
        }
        byte[] bytes = json.writeValueAsBytes(body);
        return new Converted(bytes, check(bytes).orElse(null));
    }

    private Refusal unparsable(JacksonException malformed, String message) {
        return malformed.getMessage() != null && malformed.getMessage().contains("nesting depth")
                ? new Refusal(ErrorCode.QUERY_TOO_COMPLEX,
                        "The request JSON is nested deeper than " + limits.maxJsonNesting() + " levels.")
                : new Refusal(ErrorCode.BAD_REQUEST, message);
    }

    private static Optional<Refusal> refuse(String message) {
        return Optional.of(new Refusal(ErrorCode.BAD_REQUEST, message));
    }

    private static Optional<Refusal> limit(String message) {
        return Optional.of(new Refusal(ErrorCode.QUERY_TOO_COMPLEX, message));
    }

    private static int longestList(JsonNode node) {
        int longest = node.isArray() ? node.size() : 0;
        for (JsonNode child : node.values()) {
            longest = Math.max(longest, longestList(child));
        }
        return longest;
    }
}
