package cn.shanghai.residence.gateway;

import java.io.IOException;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import cn.shanghai.residence.gateway.upstream.Upstream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's configuration table is the newcomer's list of knobs: every row must name a real setting with the
 * default the gateway really has (read from the {@code @ConfigurationProperties} records bound to
 * {@code application.yml} alone, as a fresh start would), and every setting of those records must have a row.
 */
class ConfigurationTableTests {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9<>-]+(?:\\.[a-z0-9<>-]+)+)` \\| ([^|]+) \\|",
            Pattern.MULTILINE);
    private static final Pattern CACHE_ROW = Pattern.compile("^\\| (`[a-z-]+`(?:, `[a-z-]+`)*) \\| (\\S+) \\| (\\S+) "
            + "\\| (\\S+) \\|$", Pattern.MULTILINE);
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

    private static String configuration;
    private static Binder binder;
    private static MutablePropertySources yaml;
    private static final Map<String, Object> records = new LinkedHashMap<>();

    @BeforeAll
    static void readTheReadmeAndBindTheDefaults() throws IOException, ClassNotFoundException {
        String readme = Files.readString(Path.of("README.md"));
        configuration = readme.substring(readme.indexOf("## Configuration"), readme.indexOf("## When an agency fails"));
        yaml = new MutablePropertySources();
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("application",
                new ClassPathResource("application.yml"))) {
            yaml.addLast(source);
        }
        binder = new Binder(ConfigurationPropertySources.from(yaml), null,
                ApplicationConversionService.getSharedInstance());
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (var candidate : scanner.findCandidateComponents("cn.shanghai.residence.gateway")) {
            Class<?> type = Class.forName(candidate.getBeanClassName(), true,
                    ConfigurationTableTests.class.getClassLoader());
            String prefix = type.getAnnotation(ConfigurationProperties.class).value();
            records.put(prefix + " " + type.getSimpleName(), binder.bindOrCreate(prefix, Bindable.of(type)));
        }
        assertThat(records).as("settings records found").hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void everyRowNamesARealSettingWithItsDefault() {
        Matcher row = ROW.matcher(configuration);
        int rows = 0;
        while (row.find()) {
            String property = row.group(1);
            String documented = row.group(2).strip();
            if (documented.startsWith("see below")) {
                continue;
            }
            rows++;
            Optional<Object> actual = valueOf(property.replace("<upstream>", "police")
                    .replace("<resource>", "not-configured"));
            if (documented.startsWith("none")) {
                assertThat(actual).as(property + " has no default").isEmpty();
                continue;
            }
            Matcher value = BACKTICKED.matcher(documented);
            assertThat(value.find()).as(property + ": default in backticks").isTrue();
            assertThat(actual).as(property + " exists").isPresent();
            assertThat(actual.get()).as(property + " default").isEqualTo(converted(value.group(1), actual.get()));
        }
        assertThat(rows).as("rows checked").isGreaterThan(40);
    }

    @Test
    void everyCacheRowGivesTheResourcesTimes() {
        Matcher row = CACHE_ROW.matcher(configuration);
        int resources = 0;
        while (row.find()) {
            Matcher name = BACKTICKED.matcher(row.group(1));
            while (name.find()) {
                resources++;
                String prefix = "gateway.cache.resources." + name.group(1) + ".";
                for (int column = 2; column <= 4; column++) {
                    String property = prefix + List.of("ttl", "stale-if-error", "refresh-ahead").get(column - 2);
                    Object actual = valueOf(property).orElseThrow();
                    assertThat(actual).as(property).isEqualTo(converted(row.group(column), actual));
                }
            }
        }
        assertThat(resources).as("cached resources documented").isEqualTo(13);
    }

    @Test
    void everySettingOfTheRecordsHasARow() {
        TreeSet<String> documented = new TreeSet<>();
        Matcher row = ROW.matcher(configuration);
        while (row.find()) {
            documented.add(row.group(1));
        }
        List<String> settings = new ArrayList<>();
        records.forEach((key, record) -> leaves(key.substring(0, key.indexOf(' ')), record, settings));

        assertThat(settings).as("settings found in the records").hasSizeGreaterThan(40);
        assertThat(documented).as("README rows").containsAll(settings);
    }

    /** The value a fresh start has: application.yml if it sets it, else the settings record's default. */
    private static Optional<Object> valueOf(String property) {
        var bound = binder.bind(property, String.class);
        Optional<String> configured = bound.isBound() ? Optional.of(bound.get()) : Optional.empty();
        if (configured.isPresent()) {
            return Optional.of(configured.get());
        }
        for (Map.Entry<String, Object> record : records.entrySet()) {
            String prefix = record.getKey().substring(0, record.getKey().indexOf(' '));
            if (property.startsWith(prefix + ".")) {
                Optional<Object> found = navigate(record.getValue(),
                        property.substring(prefix.length() + 1).split("\\."));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Object> navigate(Object owner, String[] path) {
        Object current = owner;
        for (String segment : path) {
            if (current == null) {
                return Optional.empty();
            }
            current = child(current, segment);
        }
        return Optional.ofNullable(current);
    }

    /** A map component, with the record holding it, whose look-up method gives defaults for keys not in the map. */
    private record MapOf(Object owner, Map<?, ?> map, Class<?> keyType, Class<?> valueType) {
    }

    /** The boxed type of a primitive, so a look-up returning {@code int} serves a map of {@code Integer}. */
    private static Class<?> wrapped(Class<?> type) {
        return type.isPrimitive() ? MethodType.methodType(type).wrap().returnType() : type;
    }

    /** A record component by its kebab-case name, or a map entry (through the owner's look-up method). */
    private static Object child(Object owner, String segment) {
        if (owner instanceof MapOf entries) {
            Object key = entries.keyType().isEnum() ? enumValue(entries.keyType(), segment) : segment;
            if (key == null) {
                return null;
            }
            if (entries.map().containsKey(key)) {
                return entries.map().get(key);
            }
            for (Method lookUp : entries.owner().getClass().getMethods()) {
                if (lookUp.getParameterCount() == 1 && lookUp.getParameterTypes()[0] == entries.keyType()
                        && wrapped(lookUp.getReturnType()) == entries.valueType()) {
                    return invoke(lookUp, entries.owner(), key);
                }
            }
            return null;
        }
        if (!owner.getClass().isRecord()) {
            return null;
        }
        for (RecordComponent component : owner.getClass().getRecordComponents()) {
            if (component.getName().equals(camel(segment))) {
                Object value = invoke(component.getAccessor(), owner);
                if (!(value instanceof Map<?, ?> map)) {
                    return value;
                }
                Type[] types = ((ParameterizedType) component.getGenericType()).getActualTypeArguments();
                return new MapOf(owner, map, (Class<?>) types[0], types[1] instanceof Class<?> c ? c : Object.class);
            }
        }
        return null;
    }

    /** Every leaf setting of a record, maps written with their placeholder, e.g. gateway.upstreams.<upstream>.timeout. */
    private static void leaves(String prefix, Object record, List<String> into) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            String property = prefix + "." + kebab(component.getName());
            Object value = invoke(component.getAccessor(), record);
            if (component.getType().isRecord()) {
                leaves(property, value, into);
            } else if (Map.class.isAssignableFrom(component.getType())) {
                var types = ((ParameterizedType) component.getGenericType()).getActualTypeArguments();
                boolean perUpstream = types[0] == Upstream.class;
                String placeholder = property + (perUpstream ? ".<upstream>" : ".<resource>");
                Class<?> valueType = (Class<?>) types[1];
                if (valueType.isRecord()) {
                    leaves(placeholder, child(child(record, kebab(component.getName())),
                            perUpstream ? "police" : "not-configured"), into);
                } else {
                    into.add(placeholder);
                }
            } else {
                into.add(property);
            }
        }
    }

    private static Object converted(String documented, Object actual) {
        return ApplicationConversionService.getSharedInstance().convert(documented, actual.getClass());
    }

    private static Object invoke(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
        try {
            return Enum.valueOf((Class) type, name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException notOne) {
            return null;
        }
    }

    private static String camel(String kebab) {
        StringBuilder camel = new StringBuilder();
        for (String part : kebab.split("-")) {
            camel.append(camel.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return camel.toString();
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
