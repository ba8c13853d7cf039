package cn.shanghai.residence.gateway.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.ExecutionResult;
import graphql.introspection.Introspection;
import graphql.introspection.IntrospectionQuery;
import graphql.schema.idl.SchemaPrinter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served schema against the released one (README "Schema change safety"): a breaking change fails the build,
 * naming each, until the baseline is updated on purpose ({@code -Dschema.baseline.write=true}) with a new version
 * line and its CHANGELOG entry. Also writes the schema as SDL and introspection JSON to {@code target/schema/} for
 * the frontends' code generators.
 */
class SchemaContractTests extends GatewayIntegrationTests {

    static final Path BASELINE = Path.of("src/test/resources/released-schema.graphqls");
    private static final Path TARGET = Path.of("target", "schema");
    private static final Pattern VERSION_LINE = Pattern.compile("\\A# Released schema of version (\\S+)\n");

    @Autowired
    GraphQlSource graphQlSource;

    @Test
    void shouldNotBreakTheReleasedSchema() throws IOException {
        String served = served();
        if (Boolean.getBoolean("schema.baseline.write")) {
            Matcher version = VERSION_LINE.matcher(Files.readString(BASELINE));
            Files.writeString(BASELINE, (version.find() ? version.group() : "# Released schema of version ?\n")
                    + served, StandardCharsets.UTF_8);
        }
        List<String> breaking = SchemaBaseline.breakingChanges(Files.readString(BASELINE), served);
        assertThat(breaking).as("breaking changes against the released schema " + BASELINE + ": keep the field "
                + "(deprecate it with @deprecated(reason:) for at least one release), or update the baseline on "
                + "purpose with -Dschema.baseline.write=true, a new version line and a CHANGELOG.md entry").isEmpty();
    }

    @Test
    void shouldHaveAChangelogEntryForTheReleasedVersion() throws IOException {
        Matcher version = VERSION_LINE.matcher(Files.readString(BASELINE));
        assertThat(version.find()).as(BASELINE + " starts with '# Released schema of version <v>'").isTrue();
        assertThat(Files.readString(Path.of("CHANGELOG.md"))).as("CHANGELOG.md has a section for " + version.group(1))
                .contains("\n## " + version.group(1) + " ");
    }

    @Test
    void shouldWriteTheSchemaForTheFrontendsCodeGenerators() throws IOException {
        Files.createDirectories(TARGET);
        Files.writeString(TARGET.resolve("schema.graphqls"), served(), StandardCharsets.UTF_8);
        ExecutionResult introspection = introspect();
        assertThat(introspection.getErrors()).isEmpty();
        Map<String, Object> json = introspection.toSpecification();
        Files.writeString(TARGET.resolve("introspection.json"), JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(json), StandardCharsets.UTF_8);
        assertThat(Files.readString(TARGET.resolve("introspection.json"))).contains("\"__schema\"")
                .contains("\"Citizen\"");
        assertThat(Files.readString(TARGET.resolve("schema.graphqls"))).contains("type Citizen");
    }

    /**
     * The introspection answer of the served schema. Boot switches introspection off JVM-wide for a context with
     * it disabled (the production-mode tests' contexts live in the same JVM), so it is switched on for this call.
     */
    private ExecutionResult introspect() {
        boolean enabled = Introspection.isEnabledJvmWide();
        Introspection.enabledJvmWide(true);
        try {
            return graphQlSource.graphQl().execute(IntrospectionQuery.INTROSPECTION_QUERY);
        } finally {
            Introspection.enabledJvmWide(enabled);
        }
    }

    /** The schema the gateway serves, printed as SDL (directive definitions and descriptions included). */
    private String served() {
        return new SchemaPrinter(SchemaPrinter.Options.defaultOptions().includeScalarTypes(true)
                .includeSchemaDefinition(true).includeDirectives(true)).print(graphQlSource.schema());
    }
}
