package cn.shanghai.residence.gateway.sandbox;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.shanghai.residence.gateway.upstream.Upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where WireMock finds the stubs: read in place from a directory, copied out (and cleaned up) from a jar. */
class StubRootsTests {

    @TempDir
    Path temp;

    @Test
    void shouldReadClasspathStubsInPlaceWhenTheyAreAPlainDirectory() {
        try (StubRoots roots = StubRoots.open("classpath:stubs")) {
            assertThat(roots.copied()).isFalse();
            assertThat(roots.of(Upstream.POLICE)).endsWith(Path.of("stubs", "police"))
                    .isDirectory();
            assertThat(roots.of(Upstream.POLICE).resolve("mappings/persona-1004-eligible.json")).isRegularFile();
        }
        assertThat(StubRoots.open("classpath:stubs").of(Upstream.POLICE)).as("left in place").isDirectory();
    }

    @Test
    void shouldReadAFileLocationInPlace() {
        try (StubRoots roots = StubRoots.open("file:stubs")) {
            assertThat(roots.copied()).isFalse();
            assertThat(roots.of(Upstream.BDC)).isEqualTo(Path.of("stubs", "bdc"));
        }
        assertThat(StubRoots.open("/srv/stubs").of(Upstream.POSTAL)).isEqualTo(Path.of("/srv/stubs/postal"));
    }

    @Test
    void shouldCopyStubsOutOfAJarAndDeleteTheCopyOnClose() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("stubs/personas.json", "[]");
        files.put("stubs/police/mappings/ping.json", "{\"request\":{\"url\":\"/ping\"}}");
        files.put("stubs/police/__files/照片 1.json", "{\"name\":\"李娜\"}");
        files.put("stubs/postal/mappings/tracking.json", "{}");
        files.put("other/not-a-stub.json", "{}");
        Path jar = jar(files);

        Path copy;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
                StubRoots roots = StubRoots.open("classpath:stubs", loader)) {
            assertThat(roots.copied()).isTrue();
            Path police = roots.of(Upstream.POLICE);
            copy = police.getParent();
            assertThat(police.resolve("mappings/ping.json")).hasContent("{\"request\":{\"url\":\"/ping\"}}");
            assertThat(police.resolve("__files/照片 1.json")).content(StandardCharsets.UTF_8)
                    .isEqualTo("{\"name\":\"李娜\"}");
            assertThat(roots.of(Upstream.POSTAL).resolve("mappings/tracking.json")).isRegularFile();
            assertThat(copy.resolve("personas.json")).hasContent("[]");
            try (var all = Files.walk(copy)) {
                assertThat(all.filter(Files::isRegularFile)).hasSize(4);
            }
        }
        assertThat(copy).doesNotExist();
    }

    @Test
    void shouldRefuseAClasspathLocationWithoutStubs() {
        assertThatThrownBy(() -> StubRoots.open("classpath:no-such-stubs"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("classpath:no-such-stubs")
                .hasMessageContaining("gateway.sandbox.stubs-location");
    }

    /** A jar as the build makes them: a directory entry for every folder, then the files. */
    private Path jar(Map<String, String> files) throws IOException {
        Path jar = temp.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            Set<String> directories = new LinkedHashSet<>();
            for (String name : files.keySet()) {
                for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                    directories.add(name.substring(0, slash + 1));
                }
            }
            for (String directory : directories) {
                out.putNextEntry(new JarEntry(directory));
                out.closeEntry();
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                out.putNextEntry(new JarEntry(file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }
}
