package cn.shanghai.residence.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's error-code tables are the newcomer's copy of the schema's {@code ErrorCode} and {@code UserErrorCode}:
 * the same codes, in the same order, each with the schema's own description, so the two cannot drift apart.
 */
class ErrorCodeListTests {

    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| (.*) \\|$", Pattern.MULTILINE);

    @Test
    void shouldListEveryErrorCodeOfTheSchemaWithItsDescription() throws IOException {
        assertThat(readmeRows("### `extensions.code` (`ErrorCode`)")).containsExactlyEntriesOf(schemaValues("ErrorCode"));
    }

    @Test
    void shouldListEveryUserErrorCodeOfTheSchemaWithItsDescription() throws IOException {
        assertThat(readmeRows("### `userErrors.code` (`UserErrorCode`)"))
                .containsExactlyEntriesOf(schemaValues("UserErrorCode"));
    }

    @Test
    void shouldDescribeEveryCodeInTheSchema() throws IOException {
        assertThat(schemaValues("ErrorCode")).hasSizeGreaterThanOrEqualTo(13).doesNotContainValue("");
        assertThat(schemaValues("UserErrorCode")).hasSizeGreaterThanOrEqualTo(25).doesNotContainValue("");
    }

    private static Map<String, String> readmeRows(String heading) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf(heading);
        assertThat(start).as(heading + " in README.md").isNotNegative();
        int end = readme.indexOf("\n#", start + heading.length());
        Matcher row = ROW.matcher(readme.substring(start, end < 0 ? readme.length() : end));
        Map<String, String> rows = new LinkedHashMap<>();
        while (row.find()) {
            rows.put(row.group(1), row.group(2).replace("\\|", "|"));
        }
        return rows;
    }

    private static Map<String, String> schemaValues(String name) throws IOException {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        try (Stream<Path> files = Files.list(Path.of("schema"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".graphqls")).sorted().toList()) {
                registry.merge(new SchemaParser().parse(Files.readString(file)));
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (EnumValueDefinition value : registry.getType(name, EnumTypeDefinition.class).orElseThrow()
                .getEnumValueDefinitions()) {
            Description description = value.getDescription();
            values.put(value.getName(), description == null ? "" : description.getContent());
        }
        return values;
    }
}
