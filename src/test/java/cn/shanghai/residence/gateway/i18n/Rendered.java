package cn.shanghai.residence.gateway.i18n;

/** A rule's {@link Text} in words, for unit tests that check what a resident reads: the real bundles, no Spring. */
public final class Rendered {

    private static final Messages MESSAGES = Messages.bundles();

    private Rendered() {
    }

    public static String zh(Text text) {
        return MESSAGES.render(text, Languages.CHINESE);
    }

    public static String en(Text text) {
        return MESSAGES.render(text, Languages.ENGLISH);
    }

    /**
     * Both languages as the rules' tests wrote them before the bundles: "中文 / English". Only for asserting both
     * wordings at once; no answer ever glues them.
     */
    public static String both(Text text) {
        return zh(text) + " / " + en(text);
    }
}
