package cn.shanghai.residence.gateway.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpHeaders;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One language per answer, over real HTTP: {@code Accept-Language: en} (or {@code extensions.locale}) gives English
 * only, across a journey, its reminders, a refusal and an error; no header or zh-CN gives Chinese only.
 */
class OneLanguageTests extends GatewayIntegrationTests {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final String REFUSED = """
            mutation { applyForResidencePermit(input: {idempotencyKey: "%s", photoId: "PH-1003-01",
                delivery: {method: PICKUP, serviceCenterId: "SC-310107-01"}}) { userErrors { code message } } }""";

    @Test
    void shouldSayTheJourneyAndRemindersInEnglishOnlyWhenAskedForEnglish() {
        List<String> messages = journeyMessages("en");

        assertThat(messages).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(message -> assertThat(message).doesNotContainPattern(HAN).doesNotContain(" / "))
                .contains("A permit needs 6 full months of residence registration")
                .anySatisfy(message -> assertThat(message).startsWith("Six months registered: apply for the permit"));
    }

    @Test
    void shouldSayTheJourneyAndRemindersInChineseOnlyByDefaultAndForZhCn() {
        assertThat(journeyMessages(null)).isEqualTo(journeyMessages("zh-CN"));
        assertThat(journeyMessages(null)).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(message -> assertThat(message).containsPattern(HAN).doesNotContain(" / ")
                        .doesNotContainPattern("[A-Za-z]{4,}"))
                .contains("居住登记满6个月方可申办居住证");
    }

    @Test
    void shouldRefuseInTheLanguageAsked() {
        GraphQlTester.Response english = inLanguage("ywtb-1003", "en")
                .document(REFUSED.formatted("lang-" + UUID.randomUUID())).execute();
        GraphQlTester.Response chinese = as("ywtb-1003").document(REFUSED.formatted("lang-" + UUID.randomUUID()))
                .execute();

        english.path("applyForResidencePermit.userErrors[0].code").entity(String.class)
                .isEqualTo("REGISTRATION_TOO_RECENT")
                .path("applyForResidencePermit.userErrors[0].message").entity(String.class)
                .satisfies(message -> assertThat(message).startsWith("A permit needs 6 months of registration; apply "
                        + "from 20").doesNotContainPattern(HAN));
        chinese.path("applyForResidencePermit.userErrors[0].code").entity(String.class)
                .isEqualTo("REGISTRATION_TOO_RECENT")
                .path("applyForResidencePermit.userErrors[0].message").entity(String.class)
                .satisfies(message -> assertThat(message).startsWith("居住登记满6个月方可申办，可于 20")
                        .doesNotContainPattern("[A-Za-z]{4,}"));
    }

    @Test
    void shouldWordErrorsInTheLanguageAskedAndKeepTheirCodes() {
        inLanguage("ywtb-1003", "en").document("{ application(id: \"no such id!\") { id } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
                    assertThat(error.getMessage()).isEqualTo("id must be 1-64 letters, digits, '.', '_' or '-'");
                }));
        graphQlTester.mutate().header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN,en;q=0.5").build()
                .document("{ me { profile { name } } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "UNAUTHENTICATED");
                    assertThat(error.getMessage()).isEqualTo("请先登录：查看个人数据须携带登录凭证（bearer token）");
                }));
    }

    @Test
    void shouldPreferTheRequestsLocaleExtensionToItsHeader() {
        graphQlPost(null).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .bodyValue(Map.of("query", "{ me { profile { name } } }", "extensions", Map.of("locale", "en")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.errors[0].message").isEqualTo("Sign in to see personal data: send a bearer token");
    }

    @Test
    void shouldRefuseAMalformedRequestInTheLanguageOfItsHeader() {
        graphQlPost(null).header(HttpHeaders.ACCEPT_LANGUAGE, "en").bodyValue("[]").exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_REQUEST")
                .jsonPath("$.errors[0].message")
                .isEqualTo("Batched requests (a JSON array) are not supported; send one request object.");
        graphQlPost(null).bodyValue("[]").exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].message").isEqualTo("不支持批量请求（JSON 数组），请一次发送一个请求对象");
    }

    /** Every journey and reminder message of a persona waiting for the permit and one who may apply. */
    private List<String> journeyMessages(String language) {
        List<String> messages = new ArrayList<>();
        for (String persona : List.of("ywtb-1003", "ywtb-1004")) {
            GraphQlTester.Response response = inLanguage(persona, language).documentName("journey").execute();
            response.errors().verify();
            messages.addAll(response.path("me.journey.actions[*].message").entityList(String.class).get());
            messages.addAll(response.path("me.journey.blockers[*].message").entityList(String.class).get());
            messages.addAll(response.path("me.reminders[*].message").entityList(String.class).get());
        }
        return messages;
    }

    private GraphQlTester inLanguage(String persona, String language) {
        return language == null ? as(persona)
                : as(persona).mutate().header(HttpHeaders.ACCEPT_LANGUAGE, language).build();
    }
}
