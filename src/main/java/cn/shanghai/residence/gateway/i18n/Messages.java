package cn.shanghai.residence.gateway.i18n;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpHeaders;

/** Renders a {@link Text} in one language from the bundles: the only place a message gets its words. */
public class Messages {

    /** One UTF-8 file per language: {@code i18n/messages_zh_CN.properties}, {@code i18n/messages_en.properties}. */
    public static final String BASENAME = "i18n/messages";

    private final MessageSource bundles;

    public Messages(MessageSource bundles) {
        this.bundles = bundles;
    }

    /**
     * The gateway's bundles. Chinese is the fallback, never the machine's own locale; every message goes through
     * MessageFormat, so an apostrophe is always written {@code ''}, with or without arguments.
     */
    public static Messages bundles() {
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasename(BASENAME);
        bundles.setDefaultEncoding(StandardCharsets.UTF_8.name());
        bundles.setFallbackToSystemLocale(false);
        bundles.setDefaultLocale(Languages.CHINESE);
        bundles.setAlwaysUseMessageFormat(true);
        return new Messages(bundles);
    }

    public String render(Text text, Locale locale) {
        Object[] args = text.args().stream()
                .map(arg -> arg.keyed() ? bundles.getMessage(arg.value(), null, locale) : arg.value())
                .toArray();
        return bundles.getMessage(text.key(), args, locale);
    }

    /** In the language of a plain HTTP request: its {@code Accept-Language}, else Chinese. */
    public String render(Text text, HttpHeaders headers) {
        return render(text, Languages.choose(null, headers.getFirst(HttpHeaders.ACCEPT_LANGUAGE)));
    }
}
