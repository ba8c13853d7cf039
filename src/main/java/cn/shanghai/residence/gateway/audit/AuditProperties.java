package cn.shanghai.residence.gateway.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the access audit records go, under {@code gateway.audit}. They are written to the logger {@code AUDIT}
 * (never to the application log), one JSON object per line.
 *
 * @param destination     CONSOLE: standard output; FILE: {@code file}, rolled daily; LOGGING: only the logger
 *                        {@code AUDIT}, for the operator's own logging configuration to route; OFF: nowhere
 * @param file            the file of FILE; a day's file is renamed {@code <file>.<yyyy-MM-dd>} when the next begins
 * @param maxHistoryDays  how many days of rolled files FILE keeps
 */
@ConfigurationProperties("gateway.audit")
public record AuditProperties(Destination destination, String file, Integer maxHistoryDays) {

    /** Where the records are written. */
    public enum Destination {
        CONSOLE, FILE, LOGGING, OFF
    }

    public AuditProperties {
        destination = destination == null ? Destination.CONSOLE : destination;
        file = file == null || file.isBlank() ? "logs/audit.jsonl" : file;
        maxHistoryDays = maxHistoryDays == null ? 400 : maxHistoryDays;
    }
}
