package cn.shanghai.residence.gateway.bdc;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.ResponseError;

import cn.shanghai.residence.gateway.reference.ShanghaiDistrict;
import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.upstream.Upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class ServiceCenterQueryTests extends GatewayIntegrationTests {

    @BeforeEach
    void emptyJournals() {
        resetJournals();
    }

    @Test
    void shouldListAtLeastOneCenterInEveryDistrict() {
        List<Map<String, Object>> centers = query(null, null);

        Set<String> districts = centers.stream().map(c -> (String) c.get("district")).collect(Collectors.toSet());
        assertThat(districts).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(ShanghaiDistrict.values()).map(ShanghaiDistrict::chineseName).toList());
        assertThat(centers).allSatisfy(c -> {
            assertThat((String) c.get("id")).matches("SC-31\\d{4}-\\d{2}");
            assertThat((String) c.get("name")).isNotBlank();
            @SuppressWarnings("unchecked")
            Map<String, Double> location = (Map<String, Double>) c.get("location");
            assertThat(location.get("lat")).isBetween(30.6, 31.9);
            assertThat(location.get("lng")).isBetween(120.8, 122.2);
        });
    }

    @Test
    void shouldFilterByDistrictAndPickup() {
        List<Map<String, Object>> pudong = query("浦东新区", null);
        assertThat(pudong).isNotEmpty().allSatisfy(c -> assertThat(c.get("district")).isEqualTo("浦东新区"));
        assertThat(pudong).extracting(c -> c.get("id")).contains("SC-310115-01");

        List<Map<String, Object>> all = query(null, null);
        List<Map<String, Object>> pickup = query(null, true);
        List<Map<String, Object>> noPickup = query(null, false);
        assertThat(pickup).allSatisfy(c -> assertThat(c.get("acceptsPermitPickup")).isEqualTo(true));
        assertThat(noPickup).allSatisfy(c -> assertThat(c.get("acceptsPermitPickup")).isEqualTo(false));
        assertThat(pickup.size() + noPickup.size()).isEqualTo(all.size());
    }

    @Test
    void shouldServeRepeatedQueriesFromOneCachedBdcCall() {
        query(null, null);
        query("徐汇区", null);
        query(null, true);

        assertThat(requestsTo(Upstream.BDC, "GET", "/service-centers")).isEqualTo(1);
    }

    @Test
    void shouldRejectUnknownDistrictWithoutCallingBdc() {
        graphQlTester.documentName("serviceCenters")
                .variable("district", "火星区")
                .execute()
                .errors()
                .satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getExtensions()).containsEntry("code", "BAD_USER_INPUT");
                    assertThat(errors.get(0).getMessage()).contains("浦东新区");
                })
                .path("serviceCenters").valueIsNull();

        assertThat(requestsTo(Upstream.BDC, "GET", "/.*")).isZero();
    }

    @Test
    void shouldAnswerTypedUpstreamErrorWhenBdcIsDown() {
        stubForThisTest(Upstream.BDC, get(urlPathEqualTo("/bdc/v1/service-centers"))
                .atPriority(1)
                .willReturn(serviceUnavailable().withBody("{\"code\":\"DOWN\",\"message\":\"maintenance\"}")));

        graphQlTester.documentName("serviceCenters")
                .execute()
                .errors()
                .satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    ResponseError error = errors.get(0);
                    assertThat(error.getPath()).isEqualTo("serviceCenters");
                    assertThat(error.getExtensions())
                            .containsEntry("code", "UPSTREAM_UNAVAILABLE")
                            .containsEntry("upstream", "bdc")
                            .containsEntry("retryable", true);
                    assertThat(error.getMessage()).doesNotContain("maintenance");
                })
                .path("serviceCenters").valueIsNull();
    }

    private List<Map<String, Object>> query(String district, Boolean acceptsPermitPickup) {
        return graphQlTester.documentName("serviceCenters")
                .variable("district", district)
                .variable("acceptsPermitPickup", acceptsPermitPickup)
                .execute()
                .errors().verify()
                .path("serviceCenters")
                .entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .get();
    }
}
