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

/**
 * The FAQ, loaded once from {@code faq/faqs.json}, and its keyword search: every whitespace-separated term must
 * match a FAQ (in its keywords, question or answer), and better matches come first.
 */
@Component
public class FaqCatalog {

    static final String LOCATION = "faq/faqs.json";

    private final List<Faq> faqs;

    public FaqCatalog() {
        this(load());
    }

    FaqCatalog(List<Faq> faqs) {
        this.faqs = List.copyOf(faqs);
    }

    public List<Faq> search(String keyword) {
        String[] terms = keyword.strip().toLowerCase(Locale.ROOT).split("\\s+");
        if (terms.length == 1 && terms[0].isEmpty()) {
            return faqs;
        }
        record Scored(Faq faq, int score, int position) {
        }
        return IntStream.range(0, faqs.size())
                .mapToObj(i -> new Scored(faqs.get(i), score(faqs.get(i), terms), i))
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

    private static List<Faq> load() {
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
            List<Faq> faqs = JsonMapper.builder().build().readValue(in, new TypeReference<List<Faq>>() { });
            faqs.forEach(f -> Objects.requireNonNull(f.id(), "every FAQ needs an id"));
            return faqs;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + LOCATION, e);
        }
    }
}
