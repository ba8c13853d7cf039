package cn.shanghai.residence.gateway;

/** Thrown at start-up when a required setting is missing or malformed, so the gateway never runs half-wired. */
public class InvalidConfigurationException extends IllegalStateException {

    private final String property;

    public InvalidConfigurationException(String property, String problem) {
        super(property + ": " + problem);
        this.property = property;
    }

    /** The configuration key to fix, e.g. {@code gateway.upstreams.police.base-url}. */
    public String property() {
        return property;
    }
}
