package cn.shanghai.residence.gateway.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A Prometheus text scrape, read into series: what a Prometheus server would store from the operators' port. */
public record Scrape(List<Series> series) {

    /** One sample: the metric name, its labels and value. */
    public record Series(String name, Map<String, String> labels, double value) {

        public boolean has(Map<String, String> wanted) {
            return labels.entrySet().containsAll(wanted.entrySet());
        }
    }

    public static Scrape of(String text) {
        List<Series> series = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                series.add(parse(line));
            }
        }
        assertThat(series).as("series in the scrape").isNotEmpty();
        return new Scrape(series);
    }

    /** Every metric name in the scrape, suffixes included ({@code _bucket}, {@code _count}, {@code _total}). */
    public Set<String> names() {
        return series.stream().map(Series::name).collect(Collectors.toCollection(TreeSet::new));
    }

    public List<Series> named(String name) {
        return series.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The sum of the samples of that name whose labels include these; 0 if there is none. */
    public double sum(String name, Map<String, String> labels) {
        return named(name).stream().filter(s -> s.has(labels)).mapToDouble(Series::value).sum();
    }

    /** Whether a sample of that name has these labels. */
    public boolean exists(String name, Map<String, String> labels) {
        return named(name).stream().anyMatch(s -> s.has(labels));
    }

    private static Series parse(String line) {
        int brace = line.indexOf('{');
        int space = line.lastIndexOf(' ');
        Map<String, String> labels = new LinkedHashMap<>();
        String name;
        if (brace < 0 || brace > space) {
            name = line.substring(0, line.indexOf(' '));
        } else {
            name = line.substring(0, brace);
            int i = brace + 1;
            while (line.charAt(i) != '}') {
                int equals = line.indexOf('=', i);
                String key = line.substring(i, equals).strip();
                StringBuilder value = new StringBuilder();
                int j = equals + 2;
                while (line.charAt(j) != '"') {
                    if (line.charAt(j) == '\\') {
                        j++;
                    }
                    value.append(line.charAt(j++));
                }
                labels.put(key, value.toString());
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
        }
        String[] tail = line.substring(line.lastIndexOf('}') + 1 > 0 && brace >= 0 ? line.lastIndexOf('}') + 1
                : name.length()).strip().split(" ");
        return new Series(name, labels, Double.parseDouble(tail[0]));
    }
}
