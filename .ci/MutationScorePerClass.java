import java.io.File;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The per-class floor PIT lacks: one well-tested class must not hide an untested one inside a good overall score.
 * Reads PIT's mutations.xml, prints killed / survived / no coverage / score per class (nested classes and lambdas
 * count towards the class of their source file) and exits 1 if any class scores below the floor.
 *
 * <p>Usage: {@code java .ci/MutationScorePerClass.java target/pit-reports/mutations.xml 80}
 */
public class MutationScorePerClass {

    /** Mutant outcomes of one class; PIT counts timed-out, memory and run errors as detected too. */
    static final class Tally {
        int total;
        int killed;
        int survived;
        int noCoverage;

        void add(String status) {
            total++;
            switch (status) {
                case "KILLED", "TIMED_OUT", "MEMORY_ERROR", "RUN_ERROR" -> killed++;
                case "NO_COVERAGE" -> noCoverage++;
                default -> survived++;
            }
        }

        int score() {
            return total == 0 ? 100 : Math.floorDiv(100 * killed, total);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java MutationScorePerClass.java <mutations.xml> <minimum percent>");
            System.exit(2);
        }
        File report = new File(args[0]);
        int minimum = Integer.parseInt(args[1]);
        if (!report.isFile()) {
            System.err.println("No PIT report at " + report + ": did mutationCoverage run?");
            System.exit(1);
        }
        NodeList mutations = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report)
                .getElementsByTagName("mutation");
        Map<String, Tally> byClass = new TreeMap<>();
        Tally all = new Tally();
        for (int i = 0; i < mutations.getLength(); i++) {
            Element mutation = (Element) mutations.item(i);
            String mutated = mutation.getElementsByTagName("mutatedClass").item(0).getTextContent();
            String status = mutation.getAttribute("status");
            byClass.computeIfAbsent(mutated.split("\\$")[0], c -> new Tally()).add(status);
            all.add(status);
        }
        String row = "%-62s %7s %7s %8s %11s %6s%n";
        System.out.printf(row, "class", "mutants", "killed", "survived", "no coverage", "score");
        StringBuilder below = new StringBuilder();
        byClass.forEach((name, t) -> {
            System.out.printf(row, name, t.total, t.killed, t.survived, t.noCoverage, t.score() + " %");
            if (t.score() < minimum) {
                below.append("\n  ").append(name).append(": ").append(t.score()).append(" %");
            }
        });
        System.out.printf(row, "total", all.total, all.killed, all.survived, all.noCoverage, all.score() + " %");
        if (below.length() > 0) {
            System.err.println("Mutation score below " + minimum + " % in:" + below);
            System.exit(1);
        }
        System.out.println("Every class kills at least " + minimum + " % of its mutants.");
    }
}
