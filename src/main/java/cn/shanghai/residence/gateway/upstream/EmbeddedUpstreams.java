package cn.shanghai.residence.gateway.upstream;

import java.net.URI;

/** Local stand-ins for the agencies (the sandbox's stub servers), used where no base URL is configured. */
public interface EmbeddedUpstreams {

    /** Base URL of the stand-in, including the upstream's version path. */
    URI baseUrl(Upstream upstream);
}
