package cn.shanghai.residence.gateway.live;

import java.util.Set;

import cn.shanghai.residence.gateway.upstream.Upstream;

/** One poll's answer, and the agencies that failed it (their part is last poll's, or stale from the cache). */
record Polled(Watched watched, Set<Upstream> failed) {

    Polled {
        failed = Set.copyOf(failed);
    }
}
