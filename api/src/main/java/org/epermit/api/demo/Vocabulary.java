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
import java.util.List;
import java.util.Map;

/** Words and places the generator builds realistic names, addresses and outlets from (demo resources). */
record Vocabulary(List<String> tradeNames, Map<String, List<String>> industrySuffixes, List<String> roads,
                  List<String> surnames, List<String> givenNames, List<String> airOutletNames,
                  List<String> waterOutletNames, List<String> receivingWaters, List<Province> provinces) {

    /** A province's rough centre (for coordinates) and its share of demo sites. */
    record Province(String code, double latitude, double longitude, int weight) {
    }

    private record Words(List<String> tradeNames, Map<String, List<String>> industrySuffixes, List<String> roads,
                         List<String> surnames, List<String> givenNames, List<String> airOutletNames,
                         List<String> waterOutletNames, List<String> receivingWaters) {
    }

    static Vocabulary load() {
        try (InputStream json = resource("demo/vocabulary.json");
             InputStream csv = resource("demo/province-centroids.csv")) {
            Words w = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(json, Words.class);
            List<Province> provinces = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] f = line.split(",");
                    provinces.add(new Province(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                            Integer.parseInt(f[3])));
                }
            }
            return new Vocabulary(w.tradeNames(), w.industrySuffixes(), w.roads(), w.surnames(), w.givenNames(),
                    w.airOutletNames(), w.waterOutletNames(), w.receivingWaters(), List.copyOf(provinces));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing resource " + name);
        }
        return in;
    }
}
