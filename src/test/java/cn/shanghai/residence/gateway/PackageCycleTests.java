package cn.shanghai.residence.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The house has floors (../shared/ARCHITECTURE.md): no package may import a package that imports it back, directly
 * or through others, so each capability lands on one floor and the agencies never depend on their composition.
 */
class PackageCycleTests {

    private static final Path SOURCES = Path.of("src/main/java/cn/shanghai/residence/gateway");
    private static final Pattern IMPORT = Pattern.compile(
            "^import (?:static )?cn\\.shanghai\\.residence\\.gateway\\.([a-z]+)\\.", Pattern.MULTILINE);

    @Test
    void noPackageDependsOnItselfThroughOthers() throws IOException {
        Map<String, Set<String>> imports = imports();
        assertThat(imports).as("packages read").containsKeys("upstream", "citizen", "submission", "police");

        List<String> cycles = new ArrayList<>();
        for (String start : imports.keySet()) {
            findCycle(start, imports).ifPresent(cycles::add);
        }
        assertThat(cycles).as("package cycles").isEmpty();
    }

    private static Optional<String> findCycle(String start, Map<String, Set<String>> imports) {
        Deque<List<String>> paths = new ArrayDeque<>();
        paths.push(List.of(start));
        Set<String> seen = new TreeSet<>();
        while (!paths.isEmpty()) {
            List<String> path = paths.pop();
            for (String next : imports.getOrDefault(path.get(path.size() - 1), Set.of())) {
                if (next.equals(start)) {
                    return Optional.of(String.join(" -> ", path) + " -> " + start);
                }
                if (seen.add(next)) {
                    List<String> longer = new ArrayList<>(path);
                    longer.add(next);
                    paths.push(longer);
                }
            }
        }
        return Optional.empty();
    }

    private static Map<String, Set<String>> imports() throws IOException {
        Map<String, Set<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String own = relative.getName(0).toString();
                Set<String> used = imports.computeIfAbsent(own, key -> new TreeSet<>());
                Matcher matcher = IMPORT.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!matcher.group(1).equals(own)) {
                        used.add(matcher.group(1));
                    }
                }
            }
        }
        return imports;
    }
}
