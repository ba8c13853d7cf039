package cn.shanghai.residence.gateway.audit;

import java.util.List;
import java.util.Locale;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Tells the audit which operation a request ran: the operation graphql-java picked from the document (its name, or
 * for an anonymous one its root fields), which the request itself names only when the client sent
 * {@code operationName}.
 */
@Component
class AuditOperationInstrumentation implements Instrumentation {

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, @Nullable InstrumentationState state) {
        AuditedOperation audited = parameters.getExecutionContext().getGraphQLContext().get(AuditedOperation.class);
        if (audited != null) {
            OperationDefinition operation = parameters.getExecutionContext().getOperationDefinition();
            List<String> fields = operation.getSelectionSet().getSelectionsOfType(Field.class).stream()
                    .map(Field::getName)
                    .distinct()
                    .toList();
            audited.resolved(operation.getOperation().name().toLowerCase(Locale.ROOT), operation.getName(), fields);
        }
        return SimpleInstrumentationContext.noOp();
    }
}
