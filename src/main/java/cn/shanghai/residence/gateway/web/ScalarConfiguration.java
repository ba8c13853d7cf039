package cn.shanghai.residence.gateway.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.function.Function;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** The schema's ISO-8601 scalars {@code Date} and {@code DateTime}, mapped to java.time. */
@Configuration(proxyBeanMethods = false)
public class ScalarConfiguration {

    @Bean
    RuntimeWiringConfigurer isoScalars() {
        return wiring -> wiring
                .scalar(scalar("Date", LocalDate.class, LocalDate::parse, DateTimeFormatter.ISO_LOCAL_DATE::format,
                        "a date like 2026-03-01"))
                .scalar(scalar("DateTime", OffsetDateTime.class, OffsetDateTime::parse,
                        DateTimeFormatter.ISO_OFFSET_DATE_TIME::format,
                        "an instant with offset like 2026-03-01T09:30:00+08:00"));
    }

    private static <T extends TemporalAccessor> GraphQLScalarType scalar(String name, Class<T> type,
            Function<String, T> parse, Function<T, String> format, String expected) {
        return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<T, String>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                if (type.isInstance(value)) {
                    return format.apply(type.cast(value));
                }
                throw new CoercingSerializeException(name + " cannot hold a " + value.getClass().getSimpleName());
            }

            @Override
            public T parseValue(Object input, GraphQLContext context, Locale locale) {
                try {
                    return parse.apply(String.valueOf(input));
                } catch (DateTimeParseException e) {
                    throw new CoercingParseValueException(name + " must be " + expected);
                }
            }

            @Override
            public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                if (input instanceof StringValue string) {
                    try {
                        return parse.apply(string.getValue());
                    } catch (DateTimeParseException e) {
                        throw new CoercingParseLiteralException(name + " must be " + expected);
                    }
                }
                throw new CoercingParseLiteralException(name + " must be " + expected);
            }
        }).build();
    }
}
