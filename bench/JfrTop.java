// Summarises a JFR recording of the gateway under load (bench/peer.sh with PROFILE=1): the share of CPU samples
// whose top frame is in each method ("self"), and the share of samples that pass through each of the suspects
// issue 16 names ("inclusive"), and each sample charged to one library ("exclusive": the first frame from the top
// that is not the JDK's own, so a HashMap look-up counts for whoever asked; these shares add up to 100 %), so the
// table in bench/RESULTS.md says where a query's CPU goes. JFR samples Java threads only: the GC's and the JIT
// compiler's own threads are not in these shares.
//
// Usage: java bench/JfrTop.java <recording.jfr> [top N, default 25]
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

public class JfrTop {

    /**
     * Where the suspects live: a sample counts for a suspect when any of its frames starts with the prefix. For the
     * exclusive shares the first suspect that matches a frame wins, so narrower prefixes come before wider ones.
     */
    static final Map<String, List<String>> SUSPECTS = new LinkedHashMap<>();

    static {
        SUSPECTS.put("graphql-java instrumentation", List.of("graphql.execution.instrumentation."));
        SUSPECTS.put("graphql-java execution", List.of("graphql.execution."));
        SUSPECTS.put("graphql-java parse and validate", List.of("graphql.parser.", "graphql.validation."));
        SUSPECTS.put("Spring for GraphQL", List.of("org.springframework.graphql."));
        SUSPECTS.put("bean validation", List.of("org.hibernate.validator.", "jakarta.validation."));
        SUSPECTS.put("Jackson", List.of("tools.jackson.", "com.fasterxml.jackson."));
        SUSPECTS.put("Reactor context propagation",
                List.of("io.micrometer.context.", "reactor.core.publisher.ContextPropagation"));
        SUSPECTS.put("Micrometer", List.of("io.micrometer."));
        SUSPECTS.put("OpenTelemetry", List.of("io.opentelemetry."));
        SUSPECTS.put("Resilience4j", List.of("io.github.resilience4j."));
        SUSPECTS.put("logging (logback, slf4j, MDC)", List.of("ch.qos.logback.", "org.slf4j."));
        SUSPECTS.put("JWT check (Nimbus)", List.of("com.nimbusds."));
        SUSPECTS.put("Spring Security", List.of("org.springframework.security."));
        SUSPECTS.put("Spring web (WebFlux, WebClient, codecs)",
                List.of("org.springframework.web.", "org.springframework.http."));
        SUSPECTS.put("Reactor Netty HTTP (client and server)", List.of("reactor.netty."));
        SUSPECTS.put("Reactor core", List.of("reactor.core.", "reactor.util."));
        SUSPECTS.put("Netty", List.of("io.netty."));
        SUSPECTS.put("Caffeine", List.of("com.github.benmanes.caffeine."));
        SUSPECTS.put("our code", List.of("cn.shanghai.residence."));
    }

    /** The suspect (or else the package) of the first frame outside the JDK; "JDK" when all of them are in it. */
    static String library(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")) {
                continue;
            }
            for (Map.Entry<String, List<String>> suspect : SUSPECTS.entrySet()) {
                if (suspect.getValue().stream().anyMatch(type::startsWith)) {
                    return suspect.getKey();
                }
            }
            String[] parts = type.split("\\.");
            return String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, parts.length - 1)));
        }
        return "JDK";
    }

    public static void main(String[] args) throws Exception {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> exclusive = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            RecordedFrame first = frames.get(0);
            self.merge(first.getMethod().getType().getName() + "." + first.getMethod().getName(), 1, Integer::sum);
            exclusive.merge(library(frames), 1, Integer::sum);
            for (Map.Entry<String, List<String>> suspect : SUSPECTS.entrySet()) {
                if (frames.stream().anyMatch(frame -> suspect.getValue().stream()
                        .anyMatch(prefix -> frame.getMethod().getType().getName().startsWith(prefix)))) {
                    inclusive.merge(suspect.getKey(), 1, Integer::sum);
                }
            }
        }
        int total = Math.max(1, samples);
        System.out.printf("%d execution samples.%n%n| suspect (inclusive) | share |%n|---|---|%n", samples);
        SUSPECTS.keySet().forEach(name -> System.out.printf("| %s | %.1f %% |%n", name,
                100.0 * inclusive.getOrDefault(name, 0) / total));
        System.out.printf("%n| library (exclusive) | share |%n|---|---|%n");
        exclusive.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(entry -> System.out.printf("| %s | %.1f %% |%n", entry.getKey(),
                        100.0 * entry.getValue() / total));
        System.out.printf("%n| top frame (self) | share |%n|---|---|%n");
        self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(entry -> System.out.printf("| `%s` | %.1f %% |%n", entry.getKey(),
                        100.0 * entry.getValue() / total));
    }
}
