package cn.shanghai.residence.gateway.upstream;

import java.util.Map;

import cn.shanghai.residence.gateway.i18n.Text;
import cn.shanghai.residence.gateway.web.ErrorCode;
import cn.shanghai.residence.gateway.web.GatewayException;

/** An upstream could not answer; carries which one and whether asking again may help. */
public class UpstreamFailure extends GatewayException {

    private final Upstream upstream;
    private final boolean retryable;

    /** A message from the bundles, rendered in the request's language. */
    public UpstreamFailure(Upstream upstream, ErrorCode code, boolean retryable, Text message) {
        super(code, message);
        this.upstream = upstream;
        this.retryable = retryable;
    }

    public Upstream upstream() {
        return upstream;
    }

    public boolean retryable() {
        return retryable;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("upstream", upstream.id(), "retryable", retryable);
    }
}
