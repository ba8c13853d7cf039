package cn.shanghai.residence.gateway.faq;

import java.util.List;

/** One question and answer of the service's FAQ (Chinese), with the words residents search it by. */
public record Faq(String id, String category, String question, String answer, List<String> keywords) {

    public Faq {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
}
