package cn.shanghai.residence.gateway.faq;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.upstream.Upstream;

import static org.assertj.core.api.Assertions.assertThat;

class FaqQueryTests extends GatewayIntegrationTests {

    @Test
    void shouldListTheWholeFaqWithoutKeyword() {
        List<Faq> faqs = search(null);

        assertThat(faqs).hasSizeGreaterThanOrEqualTo(18);
        assertThat(faqs).extracting(Faq::id).doesNotHaveDuplicates();
        assertThat(faqs).allSatisfy(f -> {
            assertThat(f.question()).isNotBlank();
            assertThat(f.answer()).isNotBlank();
            assertThat(f.keywords()).isNotEmpty();
        });
    }

    @Test
    void shouldPutTheBestMatchFirst() {
        List<Faq> faqs = search("签注");

        assertThat(faqs).isNotEmpty();
        assertThat(faqs.get(0).keywords()).contains("签注");
        assertThat(faqs).allSatisfy(f -> assertThat(f.keywords() + f.question() + f.answer()).contains("签注"));
    }

    @Test
    void shouldRequireEveryTerm() {
        List<Faq> photos = search("照片");
        List<Faq> photoSize = search("照片 358");

        assertThat(photoSize).isNotEmpty();
        assertThat(photos).containsAll(photoSize);
        assertThat(photoSize.size()).isLessThan(photos.size());
        assertThat(photoSize).allSatisfy(f -> assertThat(f.keywords() + f.question() + f.answer()).contains("358"));
    }

    @Test
    void shouldFindTermsInsideASentence() {
        assertThat(search("居住证怎么邮寄")).extracting(Faq::id).contains("faq-postal-delivery");
    }

    @Test
    void shouldAnswerEmptyListForUnknownWords() {
        assertThat(search("火星移民")).isEmpty();
    }

    @Test
    void shouldRejectOverlongKeywordWithTypedError() {
        graphQlTester.documentName("faqs")
                .variable("keyword", "签".repeat(FaqController.MAX_KEYWORD_LENGTH + 1))
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "BAD_USER_INPUT")));
    }

    @Test
    void shouldAnswerInEnglishWhenAskedWhicheverLanguageTheKeywordIsIn() {
        for (String keyword : List.of("photo size", "照片 358")) {
            List<Faq> english = graphQlTester.mutate().header(HttpHeaders.ACCEPT_LANGUAGE, "en").build()
                    .documentName("faqs").variable("keyword", keyword).execute()
                    .errors().verify().path("faqs").entityList(Faq.class).get();

            assertThat(english).as(keyword).extracting(Faq::id).startsWith("faq-photo-requirements");
            assertThat(english.get(0).question()).isEqualTo("What are the residence permit photo's requirements?");
            assertThat(english).allSatisfy(faq -> {
                assertThat(faq.question() + faq.category()).doesNotContainPattern("\\p{IsHan}");
                assertThat(faq.keywords()).allSatisfy(word -> assertThat(word).doesNotContainPattern("\\p{IsHan}"));
            });
        }
        assertThat(search(null)).allSatisfy(faq -> assertThat(faq.question()).containsPattern("\\p{IsHan}"));
    }

    @Test
    void shouldNeverCallAnUpstream() {
        resetJournals();
        search("照片");
        for (Upstream upstream : Upstream.values()) {
            assertThat(requestsTo(upstream, "GET", "/.*")).isZero();
        }
    }

    private List<Faq> search(String keyword) {
        return graphQlTester.documentName("faqs")
                .variable("keyword", keyword)
                .execute()
                .errors().verify()
                .path("faqs").entityList(Faq.class).get();
    }
}
