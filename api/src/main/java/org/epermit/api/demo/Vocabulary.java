package org.epermit.api.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Words, places and proportions the generator builds realistic units from (demo resources): names and addresses, the
 * provinces' shares of sites, and the mix of industry classes and categories.
 */
record Vocabulary(List<String> tradeNames, Map<String, List<String>> industrySuffixes, List<String> roads,
                  List<String> surnames, List<String> givenNames, List<Province> provinces,
                  List<IndustryShare> industries) {

    /** A province's rough centre (for coordinates) and its share of demo sites. */
    record Province(String code, double latitude, double longitude, int weight) {
    }

    /**
     * A class's share of demo units, the percentages of its units per category, and the secondary classes some of
     * its sites also carry (class → percentage of its permits).
     */
    record IndustryShare(String code, int weight, int keyPct, int simplifiedPct, int registrationPct,
                         Map<String, Integer> secondaryPct) {
    }

    private record Words(List<String> tradeNames, Map<String, List<String>> industrySuffixes, List<String> roads,
                         List<String> surnames, List<String> givenNames) {
    }

    static Vocabulary load() {
        try (InputStream json = resource("demo/vocabulary.json")) {
            Words w = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(json, Words.class);
            List<Province> provinces = new ArrayList<>();
            for (String[] f : csv("demo/province-centroids.csv")) {
                provinces.add(new Province(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Integer.parseInt(f[3])));
            }
            List<IndustryShare> industries = new ArrayList<>();
            for (String[] f : csv("demo/industry-mix.csv")) {
                Map<String, Integer> secondary = new LinkedHashMap<>();
                if (f.length > 5 && !f[5].isBlank()) {
                    for (String s : f[5].trim().split(" +")) {
                        String[] kv = s.split(":");
                        secondary.put(kv[0], Integer.parseInt(kv[1]));
                    }
                }
                IndustryShare share = new IndustryShare(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                        Integer.parseInt(f[3]), Integer.parseInt(f[4]), Map.copyOf(secondary));
                if (share.keyPct() + share.simplifiedPct() + share.registrationPct() != 100) {
                    throw new IllegalStateException("industry-mix.csv: the category shares of " + f[0] + " do not add up to 100");
                }
                industries.add(share);
            }
            return new Vocabulary(w.tradeNames(), w.industrySuffixes(), w.roads(), w.surnames(), w.givenNames(),
                    List.copyOf(provinces), List.copyOf(industries));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String[]> csv(String name) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource(name), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split(",", -1));
                }
            }
        }
        return rows;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing resource " + name);
        }
        return in;
    }
}
