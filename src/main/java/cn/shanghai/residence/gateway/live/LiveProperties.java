package cn.shanghai.residence.gateway.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import cn.shanghai.residence.gateway.police.Application;

/**
 * Live progress under {@code gateway.live}: how often a watched thing is polled, how far a reconnecting screen can
 * resume, and the limits that keep subscriptions from costing unbounded memory.
 *
 * @param intervals         how often an application in each open status is polled (terminal statuses stop)
 * @param personInterval    how often a person with no open application is polled (reminders falling due)
 * @param jitter            each wait is randomised by ±this fraction, so pollers started together spread out
 * @param maxBackoff        after a failed poll the wait doubles per failure, up to this
 * @param resumeBuffer      recent events kept per watched thing, for {@code after:} / {@code Last-Event-ID}
 * @param keepAfterLastSubscriber how long a thing's last answer and events are kept once nobody watches it
 * @param idleTimeout       a stream that delivered nothing for this long completes (the client resumes)
 * @param sendBuffer        events queued for one subscriber; a consumer that falls this far behind is cut off
 * @param maxPerPerson      open subscriptions of one person
 * @param maxPerInstance    open subscriptions of this instance
 * @param messagesPerSecond operations a client may start per second over one WebSocket connection
 * @param leaseGrace        with {@code gateway.store=redis}: a replica's lease on polling a watched thing lasts until
 *                          its next poll is due plus this; when it dies, another replica polls at most this late
 */
@ConfigurationProperties("gateway.live")
public record LiveProperties(Intervals intervals, Duration personInterval, Double jitter, Duration maxBackoff,
        Integer resumeBuffer, Duration keepAfterLastSubscriber, Duration idleTimeout, Integer sendBuffer,
        Integer maxPerPerson, Integer maxPerInstance, Integer messagesPerSecond, Duration leaseGrace) {

    public LiveProperties {
        intervals = intervals == null ? new Intervals(null, null, null, null, null, null, null, null) : intervals;
        personInterval = personInterval == null ? Duration.ofHours(1) : personInterval;
        jitter = jitter == null ? 0.1 : jitter;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(30) : maxBackoff;
        resumeBuffer = resumeBuffer == null ? 100 : resumeBuffer;
        keepAfterLastSubscriber = keepAfterLastSubscriber == null ? Duration.ofMinutes(10) : keepAfterLastSubscriber;
        idleTimeout = idleTimeout == null ? Duration.ofHours(2) : idleTimeout;
        sendBuffer = sendBuffer == null ? 256 : sendBuffer;
        maxPerPerson = maxPerPerson == null ? 20 : maxPerPerson;
        maxPerInstance = maxPerInstance == null ? 10_000 : maxPerInstance;
        messagesPerSecond = messagesPerSecond == null ? 10 : messagesPerSecond;
        leaseGrace = leaseGrace == null ? Duration.ofMinutes(1) : leaseGrace;
    }

    /** Poll intervals per open application status; the agencies change a status this fast at most. */
    public record Intervals(Duration submitted, Duration underReview, Duration needsSupplement, Duration approved,
            Duration inProduction, Duration readyForPickup, Duration shipped, Duration unknown) {

        public Intervals {
            submitted = submitted == null ? Duration.ofMinutes(10) : submitted;
            underReview = underReview == null ? Duration.ofMinutes(10) : underReview;
            needsSupplement = needsSupplement == null ? Duration.ofMinutes(30) : needsSupplement;
            approved = approved == null ? Duration.ofMinutes(30) : approved;
            inProduction = inProduction == null ? Duration.ofMinutes(30) : inProduction;
            readyForPickup = readyForPickup == null ? Duration.ofMinutes(30) : readyForPickup;
            shipped = shipped == null ? Duration.ofMinutes(1) : shipped;
            unknown = unknown == null ? Duration.ofMinutes(10) : unknown;
        }

        /** The interval for a status; empty for a terminal one, which is not polled any more. */
        public java.util.Optional<Duration> of(Application.Status status) {
            return java.util.Optional.ofNullable(switch (status) {
                case SUBMITTED -> submitted;
                case UNDER_REVIEW -> underReview;
                case NEEDS_SUPPLEMENT -> needsSupplement;
                case APPROVED -> approved;
                case IN_PRODUCTION -> inProduction;
                case READY_FOR_PICKUP -> readyForPickup;
                case SHIPPED -> shipped;
                case UNKNOWN -> unknown;
                case REJECTED, DELIVERED, COMPLETED, CANCELLED -> null;
            });
        }
    }
}
