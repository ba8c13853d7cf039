package cn.shanghai.residence.gateway.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The operation a request ran, as graphql-java resolved it (its type, name and root fields), handed from
 * {@link AuditOperationInstrumentation} to {@link AccessAuditInterceptor} through the GraphQL context. Empty when the
 * request never reached execution (a syntax or validation error).
 */
final class AuditedOperation {

    private volatile @Nullable String type;
    private volatile @Nullable String name;
    private volatile List<String> fields = List.of();

    void resolved(String type, @Nullable String name, List<String> fields) {
        this.type = type;
        this.name = name;
        this.fields = List.copyOf(fields);
    }

    @Nullable String type() {
        return type;
    }

    @Nullable String name() {
        return name;
    }

    List<String> fields() {
        return fields;
    }
}
