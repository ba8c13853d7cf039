package cn.shanghai.residence.gateway.upstream;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A code an agency added after its contract: read as the fallback, counted per upstream and field, logged once. */
class UnknownUpstreamValuesTests {

    enum Colour { RED, GREEN, @JsonEnumDefaultValue UNKNOWN }

    enum Strict { ON, OFF }

    record Lamp(Colour colour, Colour backup) {
    }

    record Switch(Strict state) {
    }

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final JsonMapper mapper = JsonMapper.builder()
            .addHandler(new UnknownUpstreamValues(Upstream.POLICE, meters))
            .build();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        log.start();
        ((Logger) LoggerFactory.getLogger(UnknownUpstreamValues.class)).addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        ((Logger) LoggerFactory.getLogger(UnknownUpstreamValues.class)).detachAppender(log);
    }

    @Test
    void shouldReadAnUnknownCodeAsTheEnumsFallbackAndCountIt() {
        Lamp lamp = mapper.readValue("{\"colour\":\"BLUE\",\"backup\":\"RED\"}", Lamp.class);

        assertThat(lamp).isEqualTo(new Lamp(Colour.UNKNOWN, Colour.RED));
        assertThat(meters.get("gateway.upstream.unknown.values").tag("upstream", "police")
                .tag("field", "UnknownUpstreamValuesTests.Colour").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("gateway.upstream.unknown.values").counter().getId().getTags())
                .extracting(tag -> tag.getKey()).containsExactlyInAnyOrder("upstream", "field");
    }

    @Test
    void shouldLogEachFieldAndValueOnceAtWarnButCountEveryTime() {
        for (int i = 0; i < 3; i++) {
            mapper.readValue("{\"colour\":\"BLUE\",\"backup\":\"BLUE\"}", Lamp.class);
        }
        mapper.readValue("{\"colour\":\"PINK\"}", Lamp.class);

        List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("police").contains("UnknownUpstreamValuesTests.Colour").contains("BLUE")
                .contains("UNKNOWN");
        assertThat(lines.get(1)).contains("PINK");
        assertThat(log.list).allSatisfy(event -> assertThat(event.getLevel()).isEqualTo(Level.WARN));
        assertThat(meters.get("gateway.upstream.unknown.values").counter().count()).isEqualTo(7.0);
    }

    @Test
    void shouldNotLogAValueThatIsNotACode() {
        mapper.readValue("{\"colour\":\"440304199102281822\"}", Lamp.class);
        mapper.readValue("{\"colour\":\"张三\"}", Lamp.class);

        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(line -> line.contains("440304199102281822") || line.contains("张三"))
                .anyMatch(line -> line.contains("18 characters"));
    }

    @Test
    void shouldStillRefuseAnUnknownCodeOfAnEnumWithoutAFallback() {
        assertThatThrownBy(() -> mapper.readValue("{\"state\":\"DIMMED\"}", Switch.class))
                .isInstanceOf(DatabindException.class);
        assertThat(meters.find("gateway.upstream.unknown.values").counter()).isNull();
    }

    @Test
    void shouldLeaveAMissingValueMissingForTheContractCheck() {
        assertThat(mapper.readValue("{\"backup\":null}", Lamp.class)).isEqualTo(new Lamp(null, null));
        assertThat(meters.find("gateway.upstream.unknown.values").counter()).isNull();
    }
}
