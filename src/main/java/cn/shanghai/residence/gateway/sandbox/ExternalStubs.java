package cn.shanghai.residence.gateway.sandbox;

import java.net.URI;
import java.util.Map;

import cn.shanghai.residence.gateway.upstream.EmbeddedUpstreams;
import cn.shanghai.residence.gateway.upstream.Upstream;

/** Stubs an integrator started on their own ({@code stubs/run.sh}), named by {@code gateway.sandbox.stub-urls}. */
final class ExternalStubs implements EmbeddedUpstreams {

    private final Map<Upstream, URI> origins;

    ExternalStubs(Map<Upstream, URI> origins) {
        this.origins = Map.copyOf(origins);
    }

    @Override
    public URI baseUrl(Upstream upstream) {
        String origin = origins.get(upstream).toString().replaceAll("/+$", "");
        return URI.create(origin + upstream.basePath());
    }
}
