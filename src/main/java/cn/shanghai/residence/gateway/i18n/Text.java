package cn.shanghai.residence.gateway.i18n;

import java.util.Arrays;
import java.util.List;

/**
 * A message for people, not yet in any language: a key of the bundles ({@code i18n/messages_*.properties}) and its
 * arguments. Rules return these; the edge renders them in the language the request asks for ({@link Messages}).
 * It is plain data (it round-trips through JSON), so a remembered outcome can be answered in another language.
 */
public record Text(String key, List<Arg> args) {

    public Text {
        args = List.copyOf(args);
    }

    /** An argument: a value shown as it is (a date, a number, police's note), or a key rendered in the same language. */
    public record Arg(String value, boolean keyed) {
    }

    /** {@code key} with its arguments: each a {@link Arg} (see {@link #key(String)}) or a value shown as written. */
    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.stream(args)
                .map(arg -> arg instanceof Arg keyed ? keyed : new Arg(String.valueOf(arg), false))
                .toList());
    }

    /** An argument that is itself a message key, e.g. an application kind's name. */
    public static Arg key(String key) {
        return new Arg(key, true);
    }
}
