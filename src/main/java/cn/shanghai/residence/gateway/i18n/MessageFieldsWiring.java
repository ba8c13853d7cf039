package cn.shanghai.residence.gateway.i18n;

import java.util.List;

import graphql.schema.DataFetcher;
import graphql.schema.PropertyDataFetcher;
import graphql.schema.idl.RuntimeWiring;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * The schema's {@code message} fields whose objects hold a {@link Text}: each is rendered in the request's language
 * as it is fetched, so the records and the rules behind them stay free of any language.
 */
@Component
class MessageFieldsWiring implements RuntimeWiringConfigurer {

    static final List<String> TYPES = List.of("JourneyAction", "Blocker", "Reminder", "UserError");

    private final Messages messages;

    MessageFieldsWiring(Messages messages) {
        this.messages = messages;
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        PropertyDataFetcher<Object> property = PropertyDataFetcher.fetching("message");
        DataFetcher<Object> rendered = env -> property.get(env) instanceof Text text
                ? messages.render(text, env.getLocale()) : property.get(env);
        TYPES.forEach(type -> wiring.type(type, builder -> builder.dataFetcher("message", rendered)));
    }
}
