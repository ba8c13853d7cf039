package cn.shanghai.residence.gateway.upstream;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * The personal data one operation read or wrote through the upstream resources, for its access audit record: the
 * sections touched ({@code agency.resource}, e.g. {@code police.permit}), whose they were (person ids) and the
 * application ids among them. It travels in the Reactor context of the operation; reads outside one (the live
 * pollers, the warm-up) find none and record nothing.
 */
public final class PersonalDataAccess {

    private final Set<String> sections = ConcurrentHashMap.newKeySet();
    private final Set<String> subjects = ConcurrentHashMap.newKeySet();
    private final Set<String> applications = ConcurrentHashMap.newKeySet();

    /** The Reactor context with this accumulator in it. */
    public Context addTo(Context context) {
        return context.put(PersonalDataAccess.class, this);
    }

    /** Records that the operation in {@code context}, if any, touched {@code section} of {@code owner}'s data. */
    static void record(ContextView context, Upstream upstream, String resource, @Nullable DataOwner owner) {
        context.<PersonalDataAccess>getOrEmpty(PersonalDataAccess.class)
                .ifPresent(access -> access.touched(section(upstream, resource), owner));
    }

    void touched(String section, @Nullable DataOwner owner) {
        sections.add(section);
        if (owner != null && owner.personId() != null) {
            subjects.add(owner.personId());
        }
        if (owner != null && owner.applicationId() != null) {
            applications.add(owner.applicationId());
        }
    }

    /**
     * The audit's name of a resource: the agency, a dot, the resource without the agency's prefix
     * ({@code police-permit} of police is {@code police.permit}).
     */
    static String section(Upstream upstream, String resource) {
        String prefix = upstream.id() + "-";
        return upstream.id() + "." + (resource.startsWith(prefix) ? resource.substring(prefix.length()) : resource);
    }

    public boolean isEmpty() {
        return sections.isEmpty();
    }

    public SortedSet<String> sections() {
        return new TreeSet<>(sections);
    }

    public SortedSet<String> subjects() {
        return new TreeSet<>(subjects);
    }

    public SortedSet<String> applications() {
        return new TreeSet<>(applications);
    }
}
