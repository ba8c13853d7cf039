package cn.shanghai.residence.gateway.citizen;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

import cn.shanghai.residence.gateway.GatewayApplication;
import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.upstream.Upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's precise progress reminders (审核情况、制证情况、物流派送信息) over HTTP: each dated by the day police or
 * EMS recorded the step, compared with the timeline the same response carries.
 */
class ProgressReminderTests extends GatewayIntegrationTests {

    @Test
    void shouldSayWhatPoliceNeedForASupplement() {
        GraphQlTester.Response response = progress("ywtb-1031");

        Map<String, Object> reminder = onlyReminder(response);
        assertThat(reminder).containsEntry("kind", "APPLICATION_NEEDS_SUPPLEMENT")
                .containsEntry("dueOn", dayOf(response, "NEEDS_SUPPLEMENT").toString());
        assertThat((String) reminder.get("message")).startsWith("居住登记需补充材料：请补充上传亲属（房屋产权人）的房地产权证明");
    }

    @Test
    void shouldTellOfARefusedPermitApplicationWithPolicesNote() {
        GraphQlTester.Response response = progress("ywtb-1032");

        assertThat(response.path("me.reminders[*].kind").entityList(String.class).get())
                .containsExactlyInAnyOrder("PERMIT_ELIGIBLE", "APPLICATION_REJECTED");
        Map<String, Object> reminder = reminders(response).stream()
                .filter(r -> "APPLICATION_REJECTED".equals(r.get("kind"))).findFirst().orElseThrow();
        assertThat(reminder)
                .containsEntry("dueOn", dayOf(response, "REJECTED").toString());
        assertThat((String) reminder.get("message")).contains("申请所用照片头部比例不符合居住证照片要求");
    }

    @Test
    void shouldTellOfAnApprovedPermitWhoseElectronicLicenceIsAlreadyThere() {
        GraphQlTester.Response response = progress("ywtb-1035");

        Map<String, Object> reminder = onlyReminder(response);
        LocalDate approved = dayOf(response, "APPROVED");
        assertThat(reminder).containsEntry("kind", "APPLICATION_APPROVED").containsEntry("dueOn", approved.toString());
        assertThat((String) reminder.get("message")).contains("审核通过，电子《上海市居住证》已于当日生成");
        response.path("me.eLicenses[*].id").entityList(String.class).containsExactly("EL-1035-RP")
                .path("me.eLicenses[0].status").entity(String.class).isEqualTo("VALID");
    }

    @Test
    void shouldTellARenewingResidentTheNewCardIsOutForDelivery() {
        resetJournals();

        GraphQlTester.Response response = progress("ywtb-1033");

        Map<String, Object> reminder = onlyReminder(response);
        assertThat(reminder).containsEntry("kind", "PERMIT_OUT_FOR_DELIVERY")
                .containsEntry("dueOn", response.path("me.applications[0].delivery.shipment.estimatedDelivery")
                        .entity(String.class).get());
        assertThat((String) reminder.get("message")).startsWith("居住证邮件派送中").contains("货到付款 15.00 元");
        response.path("me.eLicenses[*].id").entityList(String.class).containsExactly("EL-1033-RP-2");
        assertThat(requestsTo(Upstream.POSTAL, "GET", "/shipments")).isEqualTo(1);
        assertThat(stub(Upstream.POSTAL).getAllServeEvents().get(0).getRequest().getUrl())
                .endsWith("trackingNo=1190331033016");
    }

    @Test
    void shouldStillSayTheCardWasSentWhenEmsIsDown() {
        outage(Upstream.POSTAL, serviceUnavailable());

        GraphQlTester.Response response = as("ywtb-1033").documentName("journey").execute();

        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getPath()).isEqualTo("me.reminders");
            assertThat(error.getExtensions()).containsEntry("upstream", "postal");
        }));
        response.path("me.reminders[*].kind").entityList(String.class).containsExactly("PERMIT_SHIPPED")
                .path("me.reminders[0].message").entity(String.class)
                .satisfies(message -> assertThat(message).contains("运单号 1190331033016"))
                .path("me.journey.stage").entity(String.class).isEqualTo("PERMIT_IN_PROGRESS");
    }

    private GraphQlTester.Response progress(String persona) {
        GraphQlTester.Response response = as(persona).documentName("progressReminders").execute();
        response.errors().verify();
        return response;
    }

    private static Map<String, Object> onlyReminder(GraphQlTester.Response response) {
        assertThat(reminders(response)).hasSize(1);
        return reminders(response).get(0);
    }

    private static List<Map<String, Object>> reminders(GraphQlTester.Response response) {
        return response.path("me.reminders")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
    }

    /** The day in Shanghai of the newest timeline event in this status, of the person's only application. */
    private static LocalDate dayOf(GraphQlTester.Response response, String status) {
        List<Map<String, Object>> timeline = response.path("me.applications[0].timeline")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
        return timeline.stream().filter(event -> status.equals(event.get("status")))
                .map(event -> OffsetDateTime.parse((String) event.get("at")))
                .max(OffsetDateTime::compareTo).orElseThrow()
                .atZoneSameInstant(GatewayApplication.SHANGHAI).toLocalDate();
    }
}
