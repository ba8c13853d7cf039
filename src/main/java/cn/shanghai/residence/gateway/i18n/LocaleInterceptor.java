package cn.shanghai.residence.gateway.i18n;

import java.util.List;
import java.util.Locale;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * One language per answer. Sets the request's language ({@code DataFetchingEnvironment.getLocale()}): its
 * {@code extensions.locale}, else {@code Accept-Language} (of the HTTP request, or of the WebSocket upgrade); and
 * renders every {@link TextError} of the answer in it, a subscription's events and its final error included.
 */
@Component
class LocaleInterceptor implements WebGraphQlInterceptor, Ordered {

    static final String EXTENSION = "locale";

    private final Messages messages;

    LocaleInterceptor(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Object setting = request.getExtensions().get(EXTENSION);
        Locale locale = Languages.choose(setting instanceof String named ? named : null,
                request.getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
        request.configureExecutionInput((input, builder) -> builder.locale(locale).build());
        return chain.next(request).map(response -> rendered(response, locale));
    }

    private WebGraphQlResponse rendered(WebGraphQlResponse response, Locale locale) {
        ExecutionResult result = response.getExecutionResult();
        if (result.getData() instanceof Publisher<?> events) {
            Flux<Object> renderedEvents = Flux.from(events)
                    .map(event -> event instanceof ExecutionResult each && hasText(each.getErrors())
                            ? each.transform(builder -> builder.errors(rendered(each.getErrors(), locale))) : event)
                    .onErrorMap(SubscriptionPublisherException.class, failure -> hasText(failure.getErrors())
                            ? new SubscriptionPublisherException(rendered(failure.getErrors(), locale),
                                    failure.getCause())
                            : failure);
            return response.transform(builder -> builder.data(renderedEvents)
                    .errors(rendered(result.getErrors(), locale)));
        }
        if (!hasText(result.getErrors())) {
            return response;
        }
        return response.transform(builder -> builder.errors(rendered(result.getErrors(), locale)));
    }

    private List<GraphQLError> rendered(List<GraphQLError> errors, Locale locale) {
        return errors.stream()
                .map(error -> error instanceof TextError text
                        ? text.rendered(messages.render(text.text(), locale)) : error)
                .toList();
    }

    private static boolean hasText(List<GraphQLError> errors) {
        return errors.stream().anyMatch(TextError.class::isInstance);
    }

    /** Outside the error codes, so the errors they make are rendered too; inside the access audit. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}
