package cn.shanghai.residence.gateway.upstream;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Splits ids into the batches an upstream's bulk endpoint accepts (bdc: 100 licenses, postal: 50 numbers). */
final class Batches {

    private Batches() {
    }

    /** Distinct ids, in their order, cut into lists of at most {@code size}. */
    static List<List<String>> of(Collection<String> ids, int size) {
        List<String> distinct = ids.stream().distinct().toList();
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += size) {
            batches.add(distinct.subList(from, Math.min(distinct.size(), from + size)));
        }
        return batches;
    }
}
