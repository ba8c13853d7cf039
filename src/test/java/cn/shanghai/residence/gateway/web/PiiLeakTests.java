package cn.shanghai.residence.gateway.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;

import cn.shanghai.residence.gateway.reference.IdNumbers;
import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.upstream.Upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Captures every log line of a representative run (home screens, mutations carrying ID numbers, failures, bad
 * input), the access audit records included, and scans it, and the metric tags, for ID numbers with a valid check
 * digit and mainland mobiles.
 */
class PiiLeakTests extends GatewayIntegrationTests {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[0-9]{17}[0-9X](?![0-9])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");

    @Autowired
    MeterRegistry meters;

    @Test
    void shouldKeepIdNumbersAndMobilesOutOfLogsAndMetrics() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        // The access audit has a stream of its own (not additive to the root): scanned as well.
        Logger audit = (Logger) LoggerFactory.getLogger("AUDIT");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        audit.addAppender(captured);
        try {
            representativeTraffic();
        } finally {
            root.detachAppender(captured);
            audit.detachAppender(captured);
        }

        assertThat(captured.list).as("the run logged something to scan").isNotEmpty();
        assertThat(captured.list).as("the audit stream has records to scan")
                .anyMatch(event -> event.getLoggerName().equals("AUDIT"));
        for (ILoggingEvent event : captured.list) {
            String line = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            assertThat(idNumbersIn(line)).as("ID numbers in: " + event.getLoggerName()).isEmpty();
            assertThat(MOBILE.matcher(line).find()).as("a mobile in: " + event.getLoggerName()).isFalse();
        }
        for (Meter meter : meters.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                assertThat(idNumbersIn(tag.getValue())).isEmpty();
                assertThat(MOBILE.matcher(tag.getValue()).find()).isFalse();
            }
        }
    }

    private void representativeTraffic() {
        for (String persona : List.of("ywtb-1001", "ywtb-1006", "ywtb-1010", "ywtb-1012", "ywtb-1013")) {
            as(persona).documentName("home").execute();
        }
        graphql("ywtb-1001", "mutation { submitResidenceRegistration(input: {idempotencyKey: \"pii-scan-0001\", "
                + "address: {district: \"浦东新区\", street: \"张江镇\", detail: \"碧波路690弄12号301室\"}, "
                + "residenceType: RELATIVE_PROPERTY, moveInDate: \"2026-10-01\", mobile: \"13956021874\", "
                + "kinshipCommitment: {relativeName: \"陈建华\", relativeIdNumber: \"340102196502170012\", "
                + "relation: PARENT, signatureConfirmed: true}}) { userErrors { code } } }");
        graphql("ywtb-1004", "mutation { applyForResidencePermit(input: {idempotencyKey: \"pii-scan-0002\", "
                + "photoId: \"PH-1004-01\", delivery: {method: POSTAL, address: {district: \"浦东新区\", "
                + "street: \"张江镇\", detail: \"碧波路690弄12号301室\"}, recipientMobile: \"1388045229\"}}) "
                + "{ userErrors { code } } }");
        graphql("ywtb-1006", "{ me { profile { name idNumberMasked } nonsense } }");
        outage(Upstream.BDC, serviceUnavailable()
                .withBody("{\"code\":\"X\",\"message\":\"362202198811034153 13800138000\"}"));
        as("ywtb-1014").documentName("home").execute();
    }

    private void graphql(String persona, String query) {
        postQuery(persona, query).expectStatus().isOk();
    }

    private static List<String> idNumbersIn(String text) {
        Matcher matcher = ID_NUMBER.matcher(text);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            if (IdNumbers.validIdNumber(matcher.group())) {
                found.add(matcher.group());
            }
        }
        return found;
    }
}
