package cn.shanghai.residence.gateway.web;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.ArrayValue;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.validation.ValidationError;

import org.springframework.stereotype.Component;

import cn.shanghai.residence.gateway.i18n.Text;
import cn.shanghai.residence.gateway.i18n.TextError;

/**
 * Measures every document before graphql-java validates or runs it: depth, fields selected with fragments
 * expanded (so a fragment fan-out bomb is cut off early), aliases, directives per field and list lengths in
 * arguments. A document over any limit is refused with QUERY_TOO_COMPLEX and never touches an upstream.
 * Introspection ({@code __schema}, {@code __type}) is not counted: GraphiQL's own query is deep, and it is switched
 * off entirely outside the sandbox.
 */
@Component
class QueryLimitsInstrumentation implements Instrumentation {

    private final LimitsProperties limits;

    QueryLimitsInstrumentation(LimitsProperties limits) {
        this.limits = limits;
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters params,
            InstrumentationState state) {
        Text problem = new Measure(params.getDocument()).problem();
        if (problem != null) {
            throw new AbortExecutionException(List.of(new TextError(GraphqlErrorBuilder.newError()
                    .message(problem.key())
                    .errorType(ErrorCode.QUERY_TOO_COMPLEX.classification())
                    .extensions(Map.of("code", ErrorCode.QUERY_TOO_COMPLEX.name()))
                    .build(), problem)));
        }
        return SimpleInstrumentationContext.noOp();
    }

    /** One walk over a document, stopping at the first limit it passes. */
    private final class Measure {

        private final Document document;
        private final Map<String, FragmentDefinition> fragments;
        private int fields;
        private int aliases;

        Measure(Document document) {
            this.document = document;
            this.fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                    .collect(Collectors.toMap(FragmentDefinition::getName, Function.identity(), (a, b) -> a));
        }

        Text problem() {
            for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
                Text problem = selections(operation.getSelectionSet(), 1, new HashSet<>());
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }

        private Text selections(SelectionSet set, int depth, Set<String> expanding) {
            if (set == null) {
                return null;
            }
            for (Selection<?> selection : set.getSelections()) {
                Text problem = null;
                if (selection instanceof Field field) {
                    problem = field(field, depth, expanding);
                } else if (selection instanceof InlineFragment inline) {
                    problem = selections(inline.getSelectionSet(), depth, expanding);
                } else if (selection instanceof FragmentSpread spread) {
                    problem = spread(spread, depth, expanding);
                }
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }

        private Text field(Field field, int depth, Set<String> expanding) {
            if (field.getName().startsWith("__")) {
                return null;
            }
            if (depth > limits.maxDepth()) {
                return Text.of("error.QUERY_TOO_COMPLEX.depth", limits.maxDepth());
            }
            if (++fields > limits.maxFields()) {
                return Text.of("error.QUERY_TOO_COMPLEX.fields", limits.maxFields());
            }
            if (field.getAlias() != null && ++aliases > limits.maxAliases()) {
                return Text.of("error.QUERY_TOO_COMPLEX.aliases", limits.maxAliases());
            }
            if (field.getDirectives().size() > limits.maxDirectivesPerField()) {
                return Text.of("error.QUERY_TOO_COMPLEX.directives", limits.maxDirectivesPerField());
            }
            for (Argument argument : field.getArguments()) {
                if (longestList(argument.getValue()) > limits.maxListItems()) {
                    return Text.of("error.QUERY_TOO_COMPLEX.argumentItems", limits.maxListItems());
                }
            }
            return selections(field.getSelectionSet(), depth + 1, expanding);
        }

        private Text spread(FragmentSpread spread, int depth, Set<String> expanding) {
            FragmentDefinition fragment = fragments.get(spread.getName());
            if (fragment == null || !expanding.add(spread.getName())) {
                return null;
            }
            try {
                return selections(fragment.getSelectionSet(), depth, expanding);
            } finally {
                expanding.remove(spread.getName());
            }
        }

        private static int longestList(Value<?> value) {
            if (value instanceof ArrayValue array) {
                return Math.max(array.getValues().size(),
                        array.getValues().stream().mapToInt(Measure::longestList).max().orElse(0));
            }
            if (value instanceof ObjectValue object) {
                return object.getObjectFields().stream().mapToInt(f -> longestList(f.getValue())).max().orElse(0);
            }
            return 0;
        }
    }
}
