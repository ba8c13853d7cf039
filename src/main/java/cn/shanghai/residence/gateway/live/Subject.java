package cn.shanghai.residence.gateway.live;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** A thing screens watch (one application, or everything of one person), and how one poll of it reads. */
interface Subject {

    /** Identifies the thing: every subscriber with the same key shares one poller. */
    String key();

    /** A person's stream never ends; an application's ends when it reaches a terminal status. */
    boolean person();

    /** One poll through the services (guards, caches, retry budget); {@code previous} fills in for failed parts. */
    Mono<Polled> read(@Nullable Watched previous);
}
