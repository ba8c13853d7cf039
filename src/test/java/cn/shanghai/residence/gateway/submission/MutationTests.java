package cn.shanghai.residence.gateway.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.GraphQlTester;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.upstream.Upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** What the mutation tests share: sending a mutation as a persona, and counting what reached the agencies. */
abstract class MutationTests extends GatewayIntegrationTests {

    static final Map<String, Object> PUDONG = Map.of("district", "浦东新区", "street", "张江镇",
            "detail", "碧波路690弄12号301室");

    /** The input with one field set (or replaced; null clears it). */
    static Map<String, Object> with(Map<String, Object> input, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(input);
        changed.put(field, value);
        return changed;
    }

    static String key() {
        return "test-" + UUID.randomUUID();
    }

    /** Sends {@code graphql-test/<mutation>.graphql} with the shared {@code payloadFields} fragment. */
    GraphQlTester.Response mutate(String persona, String mutation, Map<String, Object> input) {
        GraphQlTester.Response response = as(persona).document(document(mutation) + document("payloadFields"))
                .variable("input", input).execute();
        response.errors().verify();
        return response;
    }

    private static String document(String name) {
        try {
            return new ClassPathResource("graphql-test/" + name + ".graphql").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Codes of the userErrors of a payload. */
    static List<String> codes(GraphQlTester.Response response, String mutation) {
        return response.path(mutation + ".userErrors[*].code").entityList(String.class).get();
    }

    int policePosts() {
        return stub(Upstream.POLICE).countRequestsMatching(
                postRequestedFor(urlPathEqualTo("/police/v1/applications")).build()).getCount();
    }

    List<LoggedRequest> policePostRequests() {
        return stub(Upstream.POLICE).findAll(postRequestedFor(urlPathEqualTo("/police/v1/applications")));
    }
}
