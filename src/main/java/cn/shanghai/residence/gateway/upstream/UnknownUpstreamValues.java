package cn.shanghai.residence.gateway.upstream;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.DeserializationProblemHandler;

/**
 * Reads a code an agency added after its contract was written (a new application status, a gender {@code F}) as
 * the enum's fallback constant, the one marked {@link JsonEnumDefaultValue} ({@code UNKNOWN}), instead of failing the
 * whole record and with it every section and the journey built on it. One mechanism for every enum of every
 * upstream record: an enum without a fallback still fails, and a missing value stays missing for the contract
 * check. Each read is counted in {@value #METRIC}, tagged only by upstream and field (the enum, e.g.
 * {@code Application.Status}: a closed set, never the value); each field and value is logged once at WARN, the
 * value only when it looks like a code, so no personal data an agency put in the wrong field reaches the log.
 */
final class UnknownUpstreamValues extends DeserializationProblemHandler {

    static final String METRIC = "gateway.upstream.unknown.values";

    private static final Logger log = LoggerFactory.getLogger(UnknownUpstreamValues.class);

    /** A code as agencies write them: letters and underscores (digits could be an ID number put in the wrong field). */
    private static final Pattern CODE = Pattern.compile("[A-Za-z_]{1,40}");

    /** Distinct field and value pairs logged at most, so a misbehaving agency cannot grow this set without bound. */
    private static final int MAX_LOGGED = 1_000;

    private static final ClassValue<Optional<Enum<?>>> FALLBACKS = new ClassValue<>() {
        @Override
        protected Optional<Enum<?>> computeValue(Class<?> type) {
            return Arrays.stream(type.getEnumConstants())
                    .<Enum<?>>map(constant -> (Enum<?>) constant)
                    .filter(constant -> marked(type, constant))
                    .findFirst();
        }
    };

    private final Upstream upstream;
    private final MeterRegistry meters;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    UnknownUpstreamValues(Upstream upstream, MeterRegistry meters) {
        this.upstream = upstream;
        this.meters = meters;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType, String value,
            String failureMessage) {
        if (!targetType.isEnum()) {
            return NOT_HANDLED;
        }
        Optional<Enum<?>> fallback = FALLBACKS.get(targetType);
        if (fallback.isEmpty()) {
            return NOT_HANDLED;
        }
        String field = field(targetType);
        Counter.builder(METRIC)
                .description("Upstream values outside the contract, read as the field's fallback")
                .tag("upstream", upstream.id())
                .tag("field", field)
                .register(meters)
                .increment();
        String shown = CODE.matcher(value).matches() ? value
                : "(not a code, " + value.length() + " characters, not shown)";
        if (logged.size() < MAX_LOGGED && logged.add(field + "=" + shown)) {
            log.warn("{} sent {} for {}, which the gateway does not know: read as {} (logged once per field and value; "
                    + "counted in {})", upstream.id(), shown, field, fallback.get(), METRIC);
        }
        return fallback.get();
    }

    /** {@code cn…police.Application$Status} → {@code Application.Status}. */
    static String field(Class<?> enumType) {
        return enumType.getName().substring(enumType.getPackageName().length() + 1).replace('$', '.');
    }

    private static boolean marked(Class<?> type, Enum<?> constant) {
        try {
            return type.getField(constant.name()).isAnnotationPresent(JsonEnumDefaultValue.class);
        } catch (NoSuchFieldException impossible) {
            return false;
        }
    }
}
