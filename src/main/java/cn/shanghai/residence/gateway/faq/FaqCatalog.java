package cn.shanghai.residence.gateway.faq;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import cn.shanghai.residence.gateway.i18n.Languages;

/**
 * The FAQ, loaded once in each language ({@code faq/faqs.json} in Chinese, {@code faq/faqs_en.json} in English: the
 * same entries, by id, in the same order), and its keyword search: every whitespace-separated term must match a FAQ
 * (in its keywords, question or answer, in either language), better matches first, answered in the language asked.
 */
@Component
public class FaqCatalog {

    static final String LOCATION = "faq/faqs.json";
    static final String ENGLISH_LOCATION = "faq/faqs_en.json";

    private final List<Faq> chinese;
    private final List<Faq> english;

    public FaqCatalog() {
        this(load(LOCATION), load(ENGLISH_LOCATION));
    }

    FaqCatalog(List<Faq> chinese, List<Faq> english) {
        if (!chinese.stream().map(Faq::id).toList().equals(english.stream().map(Faq::id).toList())) {
            throw new IllegalStateException(LOCATION + " and " + ENGLISH_LOCATION + " must list the same ids in the "
                    + "same order");
        }
        this.chinese = List.copyOf(chinese);
        this.english = List.copyOf(english);
    }

    public List<Faq> search(String keyword, Locale language) {
        List<Faq> answered = Languages.ENGLISH.getLanguage().equals(language.getLanguage()) ? english : chinese;
        String[] terms = keyword.strip().toLowerCase(Locale.ROOT).split("\\s+");
        if (terms.length == 1 && terms[0].isEmpty()) {
            return answered;
        }
        record Scored(Faq faq, int score, int position) {
        }
        return IntStream.range(0, answered.size())
                .mapToObj(i -> new Scored(answered.get(i),
                        Math.max(score(chinese.get(i), terms), score(english.get(i), terms)), i))
                .filter(s -> s.score() > 0)
                .sorted(Comparator.comparingInt(Scored::score).reversed().thenComparingInt(Scored::position))
                .map(Scored::faq)
                .toList();
    }

    private static int score(Faq faq, String[] terms) {
        int total = 0;
        for (String term : terms) {
            int best = scoreTerm(faq, term);
            if (best == 0) {
                return 0;
            }
            total += best;
        }
        return total;
    }

    private static int scoreTerm(Faq faq, String term) {
        int best = 0;
        for (String keyword : faq.keywords()) {
            String k = keyword.toLowerCase(Locale.ROOT);
            if (k.equals(term)) {
                return 4;
            }
            if (k.contains(term) || term.contains(k)) {
                best = 3;
            }
        }
        if (faq.question().toLowerCase(Locale.ROOT).contains(term)) {
            best = Math.max(best, 2);
        }
        if (best == 0 && faq.answer().toLowerCase(Locale.ROOT).contains(term)) {
            best = 1;
        }
        return best;
    }

    private static List<Faq> load(String location) {
        try (InputStream in = new ClassPathResource(location).getInputStream()) {
            List<Faq> faqs = JsonMapper.builder().build().readValue(in, new TypeReference<List<Faq>>() { });
            faqs.forEach(f -> Objects.requireNonNull(f.id(), "every FAQ needs an id"));
            return faqs;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + location, e);
        }
    }
}
