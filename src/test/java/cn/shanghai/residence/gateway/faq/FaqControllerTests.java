package cn.shanghai.residence.gateway.faq;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;

import cn.shanghai.residence.gateway.i18n.MessageBundlesConfiguration;
import cn.shanghai.residence.gateway.web.LimitsProperties;
import cn.shanghai.residence.gateway.web.ScalarConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FAQ query as a slice: the served schema, FaqController over the real catalog, and the gateway's error
 * resolver and query limits (which the slice picks up), without HTTP, security or upstreams.
 */
@GraphQlTest(FaqController.class)
// The slice includes every Instrumentation, GraphQlFieldMetrics among them, which records into a registry, and every
// RuntimeWiringConfigurer, the message fields' renderer among them, which needs the bundles.
@Import({FaqCatalog.class, ScalarConfiguration.class, SimpleMeterRegistry.class, MessageBundlesConfiguration.class})
@EnableConfigurationProperties(LimitsProperties.class)
class FaqControllerTests {

    @Autowired
    GraphQlTester graphQlTester;

    @Test
    void shouldAnswerAKeywordWithTheFaqsThatMatchIt() {
        graphQlTester.documentName("faqs")
                .variable("keyword", "居住证怎么邮寄")
                .execute()
                .errors().verify()
                .path("faqs[*].id").entityList(String.class).contains("faq-postal-delivery")
                .path("faqs[0]").entity(Faq.class)
                .satisfies(faq -> assertThat(faq.keywords()).isNotEmpty());
    }

    @Test
    void shouldAnswerAnEmptyListForUnknownWords() {
        graphQlTester.documentName("faqs")
                .variable("keyword", "火星移民")
                .execute()
                .errors().verify()
                .path("faqs").entityList(Faq.class).hasSize(0);
    }

    @Test
    void shouldRefuseAnOverlongKeywordWithATypedError() {
        graphQlTester.documentName("faqs")
                .variable("keyword", "签".repeat(FaqController.MAX_KEYWORD_LENGTH + 1))
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT")))
                .path("faqs").pathDoesNotExist();
    }
}
