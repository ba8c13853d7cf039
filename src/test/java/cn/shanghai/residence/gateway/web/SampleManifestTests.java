package cn.shanghai.residence.gateway.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's sample manifest is the test documents of {@code src/test/resources/graphql-test}, each operation
 * with the fragments it spreads, as a frontend build would write it. Regenerate after changing a test document:
 * {@code mvn -q test -Dtest=SampleManifestTests -Dmanifest.write=true}.
 */
class SampleManifestTests {

    private static final Path DOCUMENTS = Path.of("src/test/resources/graphql-test");
    private static final Path MANIFEST = Path.of("src/main/resources/persisted-documents/sample-manifest.json");
    private static final Pattern SPREAD = Pattern.compile("\\.\\.\\.(\\w+)");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Test
    void shouldHoldEveryTestOperationUnderItsHash() throws IOException {
        Map<String, String> expected = new TreeMap<>();
        documents().values().forEach(document -> expected.put(DocumentIds.of(document), document));
        if (Boolean.getBoolean("manifest.write")) {
            Files.writeString(MANIFEST, JSON.writeValueAsString(expected) + "\n", StandardCharsets.UTF_8);
        }
        Map<String, String> manifest = new TreeMap<>(JSON.readValue(MANIFEST.toFile(), Map.class));
        assertThat(manifest).as("sample manifest out of date: " + SampleManifestTests.class.getSimpleName()
                + " says how to regenerate it").isEqualTo(expected);
        assertThat(TrustedDocuments.of(manifest).size()).isEqualTo(expected.size()).isGreaterThan(10);
    }

    /** Each test operation by file name, with the fragment files it spreads appended; fragment files alone are not. */
    static Map<String, String> documents() {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(DOCUMENTS)) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".graphql")).toList()) {
                String name = path.getFileName().toString().replace(".graphql", "");
                files.put(name, Files.readString(path, StandardCharsets.UTF_8));
            }
        } catch (IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
        Map<String, String> operations = new TreeMap<>();
        files.forEach((name, text) -> {
            if (text.startsWith("fragment")) {
                return;
            }
            StringBuilder document = new StringBuilder(text);
            TreeSet<String> spreads = new TreeSet<>();
            Matcher spread = SPREAD.matcher(text);
            while (spread.find()) {
                spreads.add(spread.group(1));
            }
            spreads.stream().filter(files::containsKey).forEach(fragment -> document.append(files.get(fragment)));
            operations.put(name, document.toString());
        });
        return operations;
    }
}
