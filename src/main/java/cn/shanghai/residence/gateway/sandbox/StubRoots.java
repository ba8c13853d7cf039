package cn.shanghai.residence.gateway.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.ResourceUtils;
import org.springframework.util.StringUtils;

import cn.shanghai.residence.gateway.upstream.Upstream;

/**
 * The directory WireMock reads the stubs from. WireMock reads stubs only from a real directory (its classpath
 * source fails on Spring Boot's nested jar with {@code NoSuchFileException: nested:/...jar}), so stubs packaged in
 * the jar are copied out once, whole, to a temporary directory that {@link #close()} deletes; stubs in a plain
 * directory (a {@code file:} location, or {@code classpath:} under {@code mvn spring-boot:run} and the tests) are
 * read where they are.
 */
final class StubRoots implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StubRoots.class);
    private static final String CLASSPATH = "classpath:";
    private static final String FILE = "file:";

    private final Path root;
    private final @Nullable Path copy;

    private StubRoots(Path root, @Nullable Path copy) {
        this.root = root;
        this.copy = copy;
    }

    /** The stubs at {@code gateway.sandbox.stubs-location}: {@code classpath:stubs}, {@code file:stubs} or a path. */
    static StubRoots open(String location) {
        return open(location, StubRoots.class.getClassLoader());
    }

    static StubRoots open(String location, @Nullable ClassLoader classLoader) {
        if (!location.startsWith(CLASSPATH)) {
            return new StubRoots(Path.of(location.startsWith(FILE) ? location.substring(FILE.length()) : location), null);
        }
        String path = StringUtils.trimTrailingCharacter(StringUtils.trimLeadingCharacter(
                location.substring(CLASSPATH.length()), '/'), '/');
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
        try {
            Resource root = resolver.getResource(CLASSPATH + path + "/");
            if (!root.exists()) {
                throw new IllegalStateException("No stubs on the classpath at " + location
                        + " (gateway.sandbox.stubs-location)");
            }
            URL rootUrl = root.getURL();
            if (ResourceUtils.isFileURL(rootUrl)) {
                return new StubRoots(Path.of(rootUrl.toURI()), null);
            }
            Path copy = copyOut(resolver, path, rootUrl.toString());
            log.info("Stubs copied out of {} to {} for WireMock; deleted on shutdown", rootUrl, copy);
            return new StubRoots(copy, copy);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the stubs at " + location, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot read the stubs at " + location, e);
        }
    }

    /**
     * Copies every file under the root, not only the upstreams' {@code mappings} and {@code __files}: at about 0.5 MB
     * the copy costs nothing, and the stubs then look the same from the jar as from a directory.
     */
    private static Path copyOut(PathMatchingResourcePatternResolver resolver, String path, String rootUrl)
            throws IOException {
        Path copy = Files.createTempDirectory("residence-gateway-stubs-");
        // The JVM deletes these in reverse order, children before parents, should the context never close.
        copy.toFile().deleteOnExit();
        try {
            for (Resource file : resolver.getResources(CLASSPATH + path + "/**")) {
                String url = file.getURL().toString();
                if (!url.startsWith(rootUrl)) {
                    throw new IllegalStateException(url + " is not under " + rootUrl);
                }
                String relative = StringUtils.uriDecode(url.substring(rootUrl.length()), StandardCharsets.UTF_8);
                if (relative.isEmpty() || relative.endsWith("/") || !file.isReadable()) {
                    continue; // a directory entry: its files come on their own
                }
                Path target = copy.resolve(relative).normalize();
                if (!target.startsWith(copy)) {
                    throw new IllegalStateException(url + " escapes " + rootUrl);
                }
                createDirectories(copy, target.getParent());
                try (InputStream in = file.getInputStream()) {
                    Files.copy(in, target);
                }
                target.toFile().deleteOnExit();
            }
        } catch (IOException | RuntimeException e) {
            FileSystemUtils.deleteRecursively(copy);
            throw e;
        }
        return copy;
    }

    private static void createDirectories(Path copy, Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        createDirectories(copy, directory.getParent());
        Files.createDirectory(directory);
        directory.toFile().deleteOnExit();
    }

    /** The WireMock root of an upstream: the folder holding its {@code mappings} and {@code __files}. */
    Path of(Upstream upstream) {
        return root.resolve(upstream.id());
    }

    /** Whether the stubs were copied out of a jar (and so are deleted by {@link #close()}). */
    boolean copied() {
        return copy != null;
    }

    /** Deletes the copy made from a jar; stubs read in place are left alone. */
    @Override
    public void close() {
        if (copy == null) {
            return;
        }
        try {
            FileSystemUtils.deleteRecursively(copy);
        } catch (IOException e) {
            log.warn("Could not delete the stub copy at {} ({}); the JVM deletes it on exit", copy, e.toString());
        }
    }
}
