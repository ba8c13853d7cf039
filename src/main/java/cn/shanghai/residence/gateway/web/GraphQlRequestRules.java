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

import cn.shanghai.residence.gateway.i18n.Text;

/**
 * What a GraphQL-over-HTTP request must be before anything runs, the same for a POST body and for a GET's
 * parameters: one JSON object (no batching); either {@code documentId}, the id of a trusted document (replaced
 * here by its text), or, unless only trusted documents run, {@code query} a string within the document limit;
 * {@code operationName} a string; {@code variables} and {@code extensions} objects; shallow nesting and short
 * lists in the variables.
 */
@Component
class GraphQlRequestRules {

    /** Why a request is refused: BAD_REQUEST when malformed, QUERY_TOO_COMPLEX when over a limit. */
    record Refusal(ErrorCode code, Text message) {
    }

    /**
     * A request as the body the GraphQL handler reads ({@code documentId} replaced by the trusted document's text)
     * and the document that will run, or why it cannot be.
     */
    record Converted(byte[] body, String document, Refusal refusal) {

        static Converted refused(Refusal refusal) {
            return new Converted(null, null, refusal);
        }
    }

    private final LimitsProperties limits;
    private final DocumentsMode mode;
    private final TrustedDocuments trusted;
    private final JsonMapper json;

    GraphQlRequestRules(LimitsProperties limits, DocumentsProperties documents, TrustedDocuments trusted) {
        this.limits = limits;
        this.mode = documents.mode();
        this.trusted = trusted;
        this.json = JsonMapper.builder(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(limits.maxJsonNesting())
                        .build())
                .build()).build();
    }

    /** A POST body, checked, with a trusted document's text in place of its id. */
    Converted admit(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException malformed) {
            return Converted.refused(unparsable(malformed, Text.of("error.BAD_REQUEST.json")));
        }
        if (root instanceof ObjectNode request && request.has("documentId")) {
            return resolved(request);
        }
        Optional<Refusal> refusal = check(root);
        return refusal.map(Converted::refused).orElseGet(() -> new Converted(body, root.get("query").asString(), null));
    }

    /** The request with its {@code documentId} replaced by the trusted document, serialised again. */
    private Converted resolved(ObjectNode request) {
        JsonNode id = request.get("documentId");
        if (request.has("query")) {
            return Converted.refused(new Refusal(ErrorCode.BAD_REQUEST,
                    Text.of("error.BAD_REQUEST.documentIdAndQuery")));
        }
        Optional<String> parsed = id.isString() ? DocumentIds.parse(id.asString()) : Optional.empty();
        if (parsed.isEmpty()) {
            return Converted.refused(new Refusal(ErrorCode.BAD_REQUEST,
                    Text.of("error.BAD_REQUEST.documentId")));
        }
        Optional<String> document = trusted.find(parsed.get());
        if (document.isEmpty()) {
            return Converted.refused(new Refusal(ErrorCode.PERSISTED_DOCUMENT_NOT_FOUND,
                    Text.of("error.PERSISTED_DOCUMENT_NOT_FOUND.id", parsed.get())));
        }
        request.remove("documentId");
        request.put("query", document.get());
        Optional<Refusal> refusal = check(request);
        return refusal.map(Converted::refused)
                .orElseGet(() -> new Converted(json.writeValueAsBytes(request), document.get(), null));
    }

    private Optional<Refusal> check(JsonNode root) {
        if (root == null || root.isMissingNode()) {
            return refuse(Text.of("error.BAD_REQUEST.empty"));
        }
        if (root.isArray()) {
            return refuse(Text.of("error.BAD_REQUEST.batch"));
        }
        if (!root.isObject()) {
            return refuse(Text.of("error.BAD_REQUEST.notObject"));
        }
        JsonNode query = root.get("query");
        if (mode == DocumentsMode.TRUSTED_ONLY && query != null
                && trusted.find(DocumentIds.of(query.asString(""))).isEmpty()) {
            return Optional.of(new Refusal(ErrorCode.PERSISTED_DOCUMENT_REQUIRED,
                    Text.of("error.PERSISTED_DOCUMENT_REQUIRED")));
        }
        if (query == null || !query.isString() || query.asString().isBlank()) {
            return refuse(Text.of("error.BAD_REQUEST.query"));
        }
        if (query.asString().getBytes(StandardCharsets.UTF_8).length > limits.maxDocumentBytes()) {
            return limit(Text.of("error.QUERY_TOO_COMPLEX.documentBytes", limits.maxDocumentBytes()));
        }
        for (Map.Entry<String, Boolean> member : Map.of("operationName", false, "variables", true,
                "extensions", true).entrySet()) {
            JsonNode value = root.get(member.getKey());
            boolean wrong = value != null && !value.isNull()
                    && (member.getValue() ? !value.isObject() : !value.isString());
            if (wrong) {
                return refuse(Text.of(member.getValue() ? "error.BAD_REQUEST.object" : "error.BAD_REQUEST.string",
                        member.getKey()));
            }
        }
        JsonNode variables = root.get("variables");
        if (variables != null && longestList(variables) > limits.maxListItems()) {
            return limit(Text.of("error.QUERY_TOO_COMPLEX.listItems", limits.maxListItems()));
        }
        return Optional.empty();
    }

    /**
     * A GET's parameters ({@code variables} and {@code extensions} as URL-decoded JSON) as the body of the
     * equivalent POST, checked by the same rules.
     */
    Converted fromGet(String query, String documentId, String operationName, String variables, String extensions) {
        ObjectNode body = json.createObjectNode();
        if (query != null || documentId == null) {
            body.put("query", query);
        }
        if (documentId != null) {
            body.put("documentId", documentId);
        }
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
            return Converted.refused(unparsable(malformed, Text.of("error.BAD_REQUEST.getParameters")));
        }
        if (documentId != null) {
            return resolved(body);
        }
        Optional<Refusal> refusal = check(body);
        return refusal.map(Converted::refused)
                .orElseGet(() -> new Converted(json.writeValueAsBytes(body), query, null));
    }

    private Refusal unparsable(JacksonException malformed, Text message) {
        return malformed.getMessage() != null && malformed.getMessage().contains("nesting depth")
                ? new Refusal(ErrorCode.QUERY_TOO_COMPLEX,
                        Text.of("error.QUERY_TOO_COMPLEX.nesting", limits.maxJsonNesting()))
                : new Refusal(ErrorCode.BAD_REQUEST, message);
    }

    private static Optional<Refusal> refuse(Text message) {
        return Optional.of(new Refusal(ErrorCode.BAD_REQUEST, message));
    }

    private static Optional<Refusal> limit(Text message) {
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
