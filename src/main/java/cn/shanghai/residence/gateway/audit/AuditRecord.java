package cn.shanghai.residence.gateway.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One access audit record: who (the token's subject) read or wrote whose data (person ids), in which operation,
 * which sections from which agency ({@code police.permit}), with what outcome, from where. Ids only, never a value:
 * no names, ID numbers, addresses or mobiles. Written as one JSON line in this order.
 *
 * @param time         when the operation's answer was complete (ISO-8601, UTC)
 * @param requestId    the {@code X-Request-Id} the client got back
 * @param traceId      the W3C trace id the agencies' calls carried
 * @param actor        the signed-in person (the token's {@code sub}); null when anonymous
 * @param subjects     whose data was read or written: the actor, a minor in their guardianship, or, for a refused
 *                     read of someone else's application, its owner (the caller was told NOT_FOUND)
 * @param operation    the operation's name; null for an anonymous operation (see {@code fields})
 * @param type         query, mutation or subscription; null when the request never ran (invalid)
 * @param fields       the operation's root fields
 * @param sections     the sections read or written, {@code agency.resource}
 * @param applications the ids of the applications read
 * @param outcome      OK, REFUSED(code), PARTIAL(code) or FAILED(code)
 * @param client       the client's address (behind trusted proxies, the forwarded one)
 */
record AuditRecord(String time, @Nullable String requestId, @Nullable String traceId, @Nullable String actor,
        List<String> subjects, @Nullable String operation, @Nullable String type, List<String> fields,
        List<String> sections, List<String> applications, String outcome, String client) {
}
