package cn.shanghai.residence.gateway.live;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import cn.shanghai.residence.gateway.citizen.Reminder;
import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.postal.Shipment;

/**
 * What changed between two polls of a watched thing, and when to poll next: pure functions of the two answers, so
 * every event a screen receives is decided here and unit-tested without HTTP (like {@code JourneyRules}).
 */
final class LiveRules {

    private LiveRules() {
    }

    /**
     * The events between two answers, in order: per application its new timeline steps, its known parcel's new scans, then
     * its status change (READY_FOR_PICKUP when it became ready); then reminders that were not due before. The first
     * answer ({@code before} null) is the baseline: nothing changed yet.
     */
    static List<LiveUpdate> changes(@Nullable Watched before, Watched after, OffsetDateTime now) {
        if (before == null) {
            return List.of();
        }
        Map<String, Watched.Tracked> earlier = before.applications().stream()
                .collect(Collectors.toMap(t -> t.application().applicationId(), Function.identity(), (a, b) -> a));
        List<LiveUpdate> changes = new ArrayList<>();
        for (Watched.Tracked now1 : after.applications()) {
            changes.addAll(changes(earlier.get(now1.application().applicationId()), now1));
        }
        Set<Reminder> known = new HashSet<>(before.reminders());
        after.reminders().stream().filter(r -> !known.contains(r)).forEach(r -> changes.add(LiveUpdate.reminder(now, r)));
        return changes;
    }

    private static List<LiveUpdate> changes(Watched.@Nullable Tracked before, Watched.Tracked after) {
        Application application = after.application();
        List<LiveUpdate> changes = new ArrayList<>();
        List<Application.Event> earlierSteps = before == null ? List.of() : before.application().events();
        added(earlierSteps, application.events(), step -> step.status() + "|" + step.note()).stream()
                .sorted(Comparator.comparing(Application.Event::at))
                .forEach(step -> changes.add(LiveUpdate.timeline(application, step)));
        // A parcel seen for the first time (just shipped, or EMS answered again) is part of the application's
        // state, not news: only scans of a parcel already known are told one by one.
        if (after.shipment() != null && before != null && before.shipment() != null) {
            added(before.shipment().events(), after.shipment().events(),
                    scan -> scan.location() + "|" + scan.description())
                    .stream()
                    .sorted(Comparator.comparing(Shipment.Event::at))
                    .forEach(scan -> changes.add(LiveUpdate.parcel(application, scan)));
        }
        if (before == null || before.application().status() != application.status()) {
            LiveUpdate.Kind kind = application.status() == Application.Status.READY_FOR_PICKUP
                    ? LiveUpdate.Kind.READY_FOR_PICKUP : LiveUpdate.Kind.STATUS_CHANGED;
            changes.add(LiveUpdate.of(application.updatedAt(), kind, application));
        }
        return changes;
    }

    /**
     * The entries of {@code after} that {@code before} did not have, told apart by what they say, not by their time:
     * an agency may restate a step's time (a resent record), which is not a new step. The n-th entry with the same
     * content is new when {@code before} had fewer than n (entries come oldest first, as the agencies list them).
     */
    static <T> List<T> added(List<T> before, List<T> after, Function<T, String> content) {
        Map<String, Integer> seen = new java.util.HashMap<>();
        before.forEach(entry -> seen.merge(content.apply(entry), 1, Integer::sum));
        List<T> added = new ArrayList<>();
        for (T entry : after) {
            String key = content.apply(entry);
            int left = seen.getOrDefault(key, 0);
            if (left > 0) {
                seen.put(key, left - 1);
            } else {
                added.add(entry);
            }
        }
        return added;
    }

    /**
     * How long until the next poll: the shortest interval of the open applications' statuses; for a person with none
     * open, the person interval; empty when a single application reached a terminal status (nothing more happens).
     */
    static Optional<Duration> interval(Watched watched, boolean person, LiveProperties settings) {
        Optional<Duration> shortest = watched.applications().stream()
                .map(t -> settings.intervals().of(t.application().status()))
                .flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
        return person ? Optional.of(shortest.orElse(settings.personInterval())) : shortest;
    }

    /** After {@code failures} failed polls in a row: the interval doubled per failure, at most {@code max}. */
    static Duration backoff(Duration interval, int failures, Duration max) {
        Duration wait = interval;
        for (int i = 0; i < failures && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** {@code wait} randomised by ±{@code jitter} of itself; {@code random} in [0, 1). */
    static Duration jittered(Duration wait, double jitter, double random) {
        double factor = 1 + jitter * (2 * random - 1);
        return Duration.ofMillis(Math.max(1, Math.round(wait.toMillis() * factor)));
    }

    /**
     * How long a replica's lease on polling a watched thing lasts: the longest its next wait can be (backed off,
     * jittered up) plus the grace; renewed at each poll, so it lapses only when the holder stopped polling.
     */
    static Duration lease(Duration interval, int failures, LiveProperties settings) {
        return jittered(backoff(interval, failures, settings.maxBackoff()), settings.jitter(), 1.0)
                .plus(settings.leaseGrace());
    }
}
