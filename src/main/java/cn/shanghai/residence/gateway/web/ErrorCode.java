package cn.shanghai.residence.gateway.web;

import org.springframework.graphql.execution.ErrorType;

/** The typed error codes clients switch on ({@code extensions.code}); DESIGN.md §4 fixes the list. */
public enum ErrorCode {
    UNAUTHENTICATED(ErrorType.UNAUTHORIZED),
    FORBIDDEN(ErrorType.FORBIDDEN),
    NOT_FOUND(ErrorType.NOT_FOUND),
    BAD_USER_INPUT(ErrorType.BAD_REQUEST),
    BAD_REQUEST(ErrorType.BAD_REQUEST),
    UPSTREAM_UNAVAILABLE(ErrorType.INTERNAL_ERROR),
    UPSTREAM_TIMEOUT(ErrorType.INTERNAL_ERROR),
    UPSTREAM_ERROR(ErrorType.INTERNAL_ERROR),
    RATE_LIMITED(ErrorType.INTERNAL_ERROR),
    QUERY_TOO_COMPLEX(ErrorType.BAD_REQUEST),
    OVERLOADED(ErrorType.INTERNAL_ERROR),
    /** A {@code documentId} that is not in the manifest of trusted documents: the app and gateway were built apart. */
    PERSISTED_DOCUMENT_NOT_FOUND(ErrorType.BAD_REQUEST),
    /** A document sent as text where only trusted documents (by {@code documentId}) are run. */
    PERSISTED_DOCUMENT_REQUIRED(ErrorType.BAD_REQUEST),
    /** The shared store (Redis) did not answer: a mutation was refused before anything was submitted; retry. */
    STORE_UNAVAILABLE(ErrorType.INTERNAL_ERROR),
    INTERNAL_ERROR(ErrorType.INTERNAL_ERROR);

    private final ErrorType classification;

    ErrorCode(ErrorType classification) {
        this.classification = classification;
    }

    public ErrorType classification() {
        return classification;
    }
}
