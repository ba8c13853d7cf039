package cn.shanghai.residence.gateway.audit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Writes audit records to the logger {@value #LOGGER}, one JSON object per line, and points that logger at the
 * configured destination ({@link AuditProperties}): its own stream, never mixed into the application log's format,
 * so a shipper can take it whole.
 */
@Component
class AuditLog {

    static final String LOGGER = "AUDIT";
    private static final String APPENDER = "AUDIT_DESTINATION";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    AuditLog(AuditProperties properties) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            route(logback, properties);
        }
    }

    void write(AuditRecord record) {
        log.info(JSON.writeValueAsString(record));
    }

    /** Idempotent: a second gateway in the same JVM (tests) replaces the first one's appender. */
    private static void route(LoggerContext context, AuditProperties properties) {
        ch.qos.logback.classic.Logger audit = context.getLogger(LOGGER);
        var previous = audit.getAppender(APPENDER);
        if (previous != null) {
            audit.detachAppender(previous);
            previous.stop();
        }
        switch (properties.destination()) {
            case LOGGING -> {
                audit.setLevel(null);
                audit.setAdditive(true);
                return;
            }
            case OFF -> {
                audit.setLevel(Level.OFF);
                return;
            }
            case CONSOLE -> audit.addAppender(started(context, new ConsoleAppender<>()));
            case FILE -> audit.addAppender(started(context, rollingFile(context, properties)));
        }
        audit.setLevel(Level.INFO);
        audit.setAdditive(false);
    }

    private static RollingFileAppender<ILoggingEvent> rollingFile(LoggerContext context, AuditProperties properties) {
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setFile(properties.file());
        TimeBasedRollingPolicy<ILoggingEvent> daily = new TimeBasedRollingPolicy<>();
        daily.setContext(context);
        daily.setParent(file);
        daily.setFileNamePattern(properties.file() + ".%d{yyyy-MM-dd}");
        daily.setMaxHistory(properties.maxHistoryDays());
        daily.start();
        file.setRollingPolicy(daily);
        return file;
    }

    private static OutputStreamAppender<ILoggingEvent> started(LoggerContext context,
            OutputStreamAppender<ILoggingEvent> appender) {
        PatternLayoutEncoder lines = new PatternLayoutEncoder();
        lines.setContext(context);
        lines.setPattern("%msg%n");
        lines.start();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setEncoder(lines);
        appender.start();
        return appender;
    }
}
