package dk.kommunejob.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kommunejob.TestData;
import dk.kommunejob.TestData.Org;
import dk.kommunejob.position.Position;
import dk.kommunejob.position.Section;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Search as a job seeker meets it: 71 realistic municipal postings and 64 queries a person types, each with the
 * postings that person expects (src/test/resources/search/relevance.json, written apart from the search code
 * and never tuned to it). Prints recall over the first 20 results, the mean reciprocal rank of the first
 * expected posting and the share of queries that found nothing, by kind and in all, and fails below the
 * floors README.md states ("Search").
 */
@QuarkusTest
class RelevanceTest {

    /** The floors: a little under what the search achieves, so that losing any kind of query fails. */
    static final double MIN_RECALL = 0.95;

    static final double MIN_MRR = 0.95;

    static final double MAX_ZERO_RESULTS = 0.02;

    record Posting(String key, String title, String text) {}

    record Query(String q, String kind, List<String> expected) {}

    record Corpus(List<Posting> postings, List<Query> queries) {}

    @ParameterizedTest
    @ValueSource(strings = {"relevance.json", "relevance-holdout.json"})
    void findsWhatJobSeekersMean(String file) throws IOException {
        Corpus corpus;
        try (InputStream in = getClass().getResourceAsStream("/search/" + file)) {
            corpus = new ObjectMapper().readValue(in, Corpus.class);
        }
        Org org = TestData.org();
        Map<Long, String> keys = new HashMap<>();
        for (Posting posting : corpus.postings()) {
            Position p = TestData.position(org, created -> {
                created.title = posting.title();
                created.sections.clear();
                for (String paragraph : posting.text().split("\n\n")) {
                    created.sections.add(new Section("Om stillingen", paragraph));
                }
            });
            keys.put(p.id, posting.key());
        }

        Map<String, List<double[]>> byKind = new TreeMap<>();
        List<double[]> all = new ArrayList<>();
        StringBuilder report =
                new StringBuilder("\nSearch relevance, " + file + " (recall@20, reciprocal rank, zero results):\n");
        for (Query query : corpus.queries()) {
            List<Integer> ids = given().queryParam("employer", org.employerId())
                    .queryParam("q", query.q())
                    .queryParam("size", 20)
                    .get("/api/v1/positions")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items.id");
            List<String> found =
                    ids.stream().map(id -> keys.get(id.longValue())).toList();
            long hits = query.expected().stream().filter(found::contains).count();
            double recall = (double) hits / query.expected().size();
            int first = -1;
            for (int i = 0; i < found.size() && first < 0; i++) {
                if (query.expected().contains(found.get(i))) {
                    first = i;
                }
            }
            double rr = first < 0 ? 0 : 1.0 / (first + 1);
            double[] figures = {recall, rr, found.isEmpty() ? 1 : 0};
            all.add(figures);
            byKind.computeIfAbsent(query.kind(), k -> new ArrayList<>()).add(figures);
            if (recall < 1 || rr < 1) {
                List<String> missed = query.expected().stream()
                        .filter(e -> !found.contains(e))
                        .toList();
                report.append(String.format(
                        "  %-14s %-32s recall %.2f rr %.2f missed %s found %s%n",
                        query.kind(), query.q(), recall, rr, missed, found));
            }
        }
        byKind.forEach((kind, figures) -> report.append(String.format("  %-14s %s%n", kind, summary(figures))));
        double[] mean = mean(all);
        report.append(String.format(
                "  ALL            %s over %d queries and %d postings%n",
                summary(all), all.size(), corpus.postings().size()));
        System.out.println(report);

        assertAll(
                () -> assertTrue(mean[0] >= MIN_RECALL, "mean recall@20 " + mean[0] + " under " + MIN_RECALL),
                () -> assertTrue(mean[1] >= MIN_MRR, "MRR " + mean[1] + " under " + MIN_MRR),
                () -> assertTrue(
                        mean[2] <= MAX_ZERO_RESULTS, "zero-result rate " + mean[2] + " over " + MAX_ZERO_RESULTS));
    }

    private static double[] mean(List<double[]> figures) {
        double[] mean = new double[3];
        figures.forEach(f -> {
            for (int i = 0; i < 3; i++) {
                mean[i] += f[i] / figures.size();
            }
        });
        return mean;
    }

    private static String summary(List<double[]> figures) {
        double[] m = mean(figures);
        return String.format("recall@20 %.3f  MRR %.3f  zero-result rate %.3f", m[0], m[1], m[2]);
    }
}
