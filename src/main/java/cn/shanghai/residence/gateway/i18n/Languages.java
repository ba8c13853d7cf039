package cn.shanghai.residence.gateway.i18n;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The language of an answer: the request's own {@code locale} setting if it names one we speak, else the best match
 * of {@code Accept-Language}, else Chinese. Only zh-CN and en have bundles; anything else answers in Chinese.
 */
public final class Languages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    private static final List<Locale> SPOKEN = List.of(CHINESE, ENGLISH);

    private Languages() {
    }

    public static Locale choose(@Nullable String setting, @Nullable String acceptLanguage) {
        Locale chosen = match(setting);
        if (chosen == null) {
            chosen = match(acceptLanguage);
        }
        return chosen == null ? CHINESE : chosen;
    }

    private static @Nullable Locale match(@Nullable String ranges) {
        if (ranges == null || ranges.isBlank()) {
            return null;
        }
        try {
            List<Locale.LanguageRange> asked = Locale.LanguageRange.parse(ranges.replace('_', '-'));
            for (Locale.LanguageRange range : asked) {
                if (range.getWeight() == 0) {
                    continue;
                }
                String language = range.getRange().split("-", 2)[0];
                for (Locale spoken : SPOKEN) {
                    if (spoken.getLanguage().equals(language)) {
                        return spoken;
                    }
                }
            }
            return null;
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
