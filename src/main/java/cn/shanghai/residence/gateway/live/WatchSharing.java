package cn.shanghai.residence.gateway.live;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How the replicas share their watches: which one polls a watched thing, where its events are numbered and kept, and
 * how the others hear of them. Alone ({@link LocalWatchSharing}) every watch polls and numbers by itself; with Redis
 * ({@link RedisWatchSharing}) one replica holds each thing's lease and polls it, and every replica reads its events
 * from one stream. Never fails: when the shared store does not answer, each replica polls by itself again.
 */
interface WatchSharing {

    /** True when this replica should poll the subject now (it holds, or now took, its lease for {@code lease}). */
    Mono<Boolean> poller(Subject subject, Duration lease);

    /** This replica stops polling the subject (nobody here watches it any more): another may take it at once. */
    Mono<Void> release(Subject subject);

    /**
     * One poll's events, numbered where every replica reads them, and {@code state} (what the next poll is compared
     * with, by whichever replica polls next); empty when not shared (alone, or the store did not answer): the watch
     * then numbers them by itself.
     */
    Mono<List<LiveUpdate>> publish(Subject subject, List<LiveUpdate> events, Watched state);

    /** What the replica polling the subject last published; empty when not shared. */
    Mono<Shared> read(Subject subject);

    /** Keys of the subjects some replica (this one included) just published for; never ends. */
    Flux<String> published();

    /** A watched thing as the replicas share it: its last answer (null before the first) and recent events. */
    record Shared(@Nullable Watched state, List<LiveUpdate> recent) {

        public Shared {
            recent = List.copyOf(recent);
        }
    }
}
