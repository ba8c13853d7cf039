package cn.shanghai.residence.gateway.live;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link WatchSharing} of a gateway alone ({@code gateway.store=memory}): it polls everything it watches itself. */
final class LocalWatchSharing implements WatchSharing {

    @Override
    public Mono<Boolean> poller(Subject subject, Duration lease) {
        return Mono.just(true);
    }

    @Override
    public Mono<Void> release(Subject subject) {
        return Mono.empty(); // nobody else to hand it to
    }

    @Override
    public Mono<List<LiveUpdate>> publish(Subject subject, List<LiveUpdate> events, Watched state) {
        return Mono.empty();
    }

    @Override
    public Mono<Shared> read(Subject subject) {
        return Mono.empty();
    }

    @Override
    public Flux<String> published() {
        return Flux.never();
    }
}
