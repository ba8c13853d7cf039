package cn.shanghai.residence.gateway.upstream;

/** Thrown at start-up when an upstream base URL is missing or malformed, so the gateway never runs half-wired. */
public class UpstreamConfigurationException extends IllegalStateException {

    private final String property;

    public UpstreamConfigurationException(String property, String problem) {
        super(property + ": " + problem);
        this.property = property;
    }

    /** The configuration key to fix, e.g. {@code gateway.upstreams.police.base-url}. */
    public String property() {
        return property;
    }
}
