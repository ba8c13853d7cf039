package cn.shanghai.residence.gateway.live;

import java.time.Clock;
import java.time.Duration;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

import cn.shanghai.residence.gateway.police.PoliceService;
import cn.shanghai.residence.gateway.reference.Ids;
import cn.shanghai.residence.gateway.security.CurrentPerson;
import cn.shanghai.residence.gateway.upstream.RequestMemo;
import cn.shanghai.residence.gateway.i18n.Text;
import cn.shanghai.residence.gateway.web.ErrorCode;
import cn.shanghai.residence.gateway.web.GatewayException;

/**
 * The two subscriptions. Each checks the caller like the queries do (someone else's application is NOT_FOUND),
 * ends with UNAUTHENTICATED when the caller's token expires, completes after {@code gateway.live.idle-timeout}
 * without an event, and renders every event afresh (no read of an earlier event is reused).
 */
@Controller
class LiveController {

    private final Watches watches;
    private final Subjects subjects;
    private final PoliceService police;
    private final LiveProperties settings;
    private final LiveTime time;
    private final Clock clock;

    LiveController(Watches watches, Subjects subjects, PoliceService police, LiveProperties settings, LiveTime time,
            Clock clock) {
        this.watches = watches;
        this.subjects = subjects;
        this.police = police;
        this.settings = settings;
        this.time = time;
        this.clock = clock;
    }

    @SubscriptionMapping
    Flux<LiveUpdate> applicationUpdates(@Argument String id, @Argument @Nullable String after,
            DataFetchingEnvironment env) {
        if (!Ids.safe(id)) {
            return Flux.error(GatewayException.badUserInput(Text.of("error.BAD_USER_INPUT.applicationId")));
        }
        return CurrentPerson.id().flatMapMany(me -> police.readableBy(me, id)
                .switchIfEmpty(Mono.error(() -> new GatewayException(ErrorCode.NOT_FOUND,
                        Text.of("error.NOT_FOUND.application"))))
                .flatMapMany(readable -> stream(me, subjects.application(id), after, env)));
    }

    @SubscriptionMapping
    Flux<LiveUpdate> myUpdates(@Argument @Nullable String after, DataFetchingEnvironment env) {
        return CurrentPerson.id().flatMapMany(me -> stream(me, subjects.person(me), after, env));
    }

    private Flux<LiveUpdate> stream(String me, Subject subject, @Nullable String after, DataFetchingEnvironment env) {
        Long resumeAfter = LastEventId.resolve(after, env.getGraphQlContext());
        return CurrentPerson.tokenExpiry().flatMapMany(expiresAt -> {
            Flux<LiveUpdate> updates = StreamBounds.bounded(watches.updates(me, subject, resumeAfter),
                    settings.idleTimeout(), Duration.between(clock.instant(), expiresAt), time.scheduler());
            return RequestMemo.current().flatMapMany(memo -> updates.doOnNext(update -> {
                memo.forget();
                env.getDataLoaderRegistry().getDataLoaders().forEach(DataLoader::clearAll);
            }));
        });
    }
}
