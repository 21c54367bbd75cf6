package org.epermit.api.demo;

import org.epermit.api.common.CreditCode;
import org.epermit.api.demo.DemoReferenceData.Profile;
import org.epermit.api.demo.DemoReferenceData.Region;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Deterministic demo data: the same seed, as-of date and size give the same rows, whatever the batch size. Each
 * enterprise draws from its own random stream, seeded from the generator's seed and its index.
 */
final class DemoGenerator {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    /**
     * A prime that divides none of the moduli {@link #scramble} is used with (31^6, 10^8, 2,400,000, 99,990,000), so
     * each mapping of the enterprise index is one-to-one.
     */
    private static final long INDEX_MULTIPLIER = 1_000_003L;
    private static final LocalDate FIRST_ISSUE = LocalDate.of(2017, 6, 1);
    /** Permits first issued under the 2016 scheme, before this date, were valid for 3 years instead of 5. */
    private static final LocalDate FIVE_YEAR_SCHEME = LocalDate.of(2019, 1, 1);

    private final DemoReferenceData reference;
    private final Vocabulary words;
    private final long seed;
    private final LocalDate asOf;
    private final int[] provinceCumulativeWeights;
    private final char permitLetter;
    private final char registrationLetter;

    private long nextPermitId = 1;
    private long nextOutletId = 1;
    private long nextEventId = 1;

    DemoGenerator(DemoReferenceData reference, Vocabulary words, long seed, LocalDate asOf, char permitLetter,
                  char registrationLetter) {
        this.reference = reference;
        this.words = words;
        this.seed = seed;
        this.asOf = asOf;
        this.permitLetter = permitLetter;
        this.registrationLetter = registrationLetter;
        this.provinceCumulativeWeights = new int[words.provinces().size()];
        int sum = 0;
        for (int i = 0; i < provinceCumulativeWeights.length; i++) {
            sum += words.provinces().get(i).weight();
            provinceCumulativeWeights[i] = sum;
        }
    }

    /** Generates enterprise number {@code index} (0-based) with at most {@code maxPermits} permits. */
    void emitEnterprise(long index, int maxPermits, DemoBatch batch) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        long enterpriseId = index + 1;
        Vocabulary.Province province = pickProvince(rnd);
        List<Region> sites = reference.siteRegionsByProvince().get(province.code());
        Region home = sites.get(rnd.nextInt(sites.size()));
        String industry = reference.industries().get(rnd.nextInt(reference.industries().size()));
        String name = placeName(home) + pick(rnd, words.tradeNames())
                + pick(rnd, words.industrySuffixes().getOrDefault(industry, List.of("有限公司")));
        boolean pseudo = rnd.nextInt(300) == 0;
        String creditCode = pseudo ? pseudoCreditCode(home.code(), index, rnd) : creditCode(home.code(), index, rnd);
        double lat = province.latitude() + rnd.nextDouble(-0.6, 0.6);
        double lon = province.longitude() + rnd.nextDouble(-0.6, 0.6);
        String address = fullPlace(home) + pick(rnd, words.roads()) + (1 + rnd.nextInt(999)) + "号";
        String legal = person(rnd);
        String contact = person(rnd);
        LocalDate founded = FIRST_ISSUE.minusDays(rnd.nextInt(3650));
        batch.enterprises.row().add(enterpriseId).add(creditCode).add(pseudo).add(name).add(home.code()).add(industry)
                .add(address).add(coordinate(lon)).add(coordinate(lat)).add(legal).add(contact)
                .add("1" + (3 + rnd.nextInt(7)) + digits(rnd, 9))
                .add("env" + digits(rnd, 4) + "@example.cn")
                .add(founded + " 09:00:00+08").add(founded + " 09:00:00+08");

        int permits = Math.min(maxPermits, rnd.nextInt(100) < 85 ? 1 : rnd.nextInt(100) < 80 ? 2 : 3);
        for (int serial = 1; serial <= permits; serial++) {
            Region site = serial == 1 ? home : sites.get(rnd.nextInt(sites.size()));
            emitPermit(rnd, batch, enterpriseId, creditCode, name, site, industry, serial, lat, lon);
        }
    }

    private void emitPermit(SplittableRandom rnd, DemoBatch batch, long enterpriseId, String creditCode,
                            String enterpriseName, Region site, String industry, int serial, double lat, double lon) {
        long permitId = nextPermitId++;
        int roll = rnd.nextInt(100);
        String category = roll < 35 ? "KEY" : roll < 75 ? "SIMPLIFIED" : "REGISTRATION";
        char letter = category.equals("REGISTRATION") ? registrationLetter : permitLetter;
        String number = creditCode + String.format("%03d", serial) + letter;
        String siteName = serial == 1 ? enterpriseName : enterpriseName + siteSuffix(serial);
        double siteLat = serial == 1 ? lat : lat + rnd.nextDouble(-0.2, 0.2);
        double siteLon = serial == 1 ? lon : lon + rnd.nextDouble(-0.2, 0.2);
        String address = fullPlace(site) + pick(rnd, words.roads()) + (1 + rnd.nextInt(999)) + "号";
        String authority = category.equals("KEY") || site.level() == 2 ? cityOf(site) : site.code();

        // Lifecycle: first issue, renewals while the validity ran out before the as-of date, perhaps a change.
        long span = ChronoUnit.DAYS.between(FIRST_ISSUE, asOf.minusDays(5));
        LocalDate issued = FIRST_ISSUE.plusDays(rnd.nextLong(Math.max(1, span)));
        LocalDate validFrom = issued;
        LocalDate validTo = validFrom.plusYears(issued.isBefore(FIVE_YEAR_SCHEME) ? 3 : 5).minusDays(1);
        List<Object[]> versions = new ArrayList<>();   // version, from, reason
        List<Object[]> events = new ArrayList<>();     // version, type, date, description
        int version = 1;
        versions.add(new Object[]{version, validFrom, "INITIAL"});
        events.add(new Object[]{version, "ISSUED", issued, "首次核发 / initial issue"});
        while (validTo.isBefore(asOf) && rnd.nextInt(100) < 85) {
            version++;
            LocalDate renewedOn = validTo.minusDays(20 + rnd.nextInt(60));
            validFrom = validTo.plusDays(1);
            validTo = validFrom.plusYears(5).minusDays(1);
            versions.add(new Object[]{version, validFrom, "RENEWAL"});
            events.add(new Object[]{version, "RENEWED", renewedOn, "延续 / renewal"});
        }
        String status = "VALID";
        LocalDate currentIssue = (LocalDate) versions.get(versions.size() - 1)[1];
        if (validTo.isBefore(asOf)) {
            boolean cancelled = rnd.nextInt(100) < 40;
            status = cancelled ? "CANCELLED" : "EXPIRED";
            LocalDate on = cancelled ? min(asOf, validTo.plusDays(30 + rnd.nextInt(170))) : validTo.plusDays(1);
            events.add(new Object[]{version, status, on, cancelled ? "注销 / cancelled" : "有效期届满 / expired"});
        } else {
            long daysIn = ChronoUnit.DAYS.between(validFrom, asOf);
            if (daysIn > 30 && rnd.nextInt(100) < 12) {
                version++;
                LocalDate changedOn = validFrom.plusDays(1 + rnd.nextLong(daysIn - 1));
                versions.add(new Object[]{version, changedOn, "CHANGE"});
                events.add(new Object[]{version, "CHANGED", changedOn, "变更（名称、地址或法定代表人）/ change of name, address or legal representative"});
                currentIssue = changedOn;
            }
            if (rnd.nextInt(1000) < 15) {
                status = "REVOKED";
                LocalDate on = min(asOf, currentIssue.plusDays(1 + rnd.nextInt(400)));
                events.add(new Object[]{version, "REVOKED", on, "撤销 / revoked"});
            }
        }
        batch.permits.row().add(permitId).add(number).add(enterpriseId).add(serial).add(category).add(status)
                .add(siteName).add(site.code()).add(industry).add(address).add(coordinate(siteLon))
                .add(coordinate(siteLat)).add(authority).add(currentIssue).add(validFrom).add(validTo).add(version)
                .add(issued + " 09:00:00+08").add(currentIssue + " 09:00:00+08");
        batch.permitCount++;
        for (int i = 0; i < versions.size(); i++) {
            Object[] v = versions.get(i);
            LocalDate to = i + 1 < versions.size() ? ((LocalDate) versions.get(i + 1)[1]).minusDays(1) : null;
            batch.versions.row().add(permitId).add(v[0]).add(v[1]).add(to).add(v[2]).add(v[1] + " 09:00:00+08");
        }
        for (Object[] e : events) {
            batch.events.row().add(nextEventId++).add(permitId).add(e[0]).add(e[1]).add(e[2]).add(authority).add(e[3]);
        }
        if (!category.equals("REGISTRATION")) {
            emitPermitContent(rnd, batch, permitId, category, industry, siteLat, siteLon, validFrom);
        }
    }

    private void emitPermitContent(SplittableRandom rnd, DemoBatch batch, long permitId, String category,
                                   String industry, double lat, double lon, LocalDate validFrom) {
        boolean key = category.equals("KEY");
        List<Profile> profile = reference.profilesByIndustry().get(industry);
        List<Profile> air = profile.stream().filter(p -> p.medium().equals("AIR")).toList();
        List<Profile> water = profile.stream().filter(p -> p.medium().equals("WATER")).toList();
        int airOutlets = air.isEmpty() ? 0 : key ? 1 + rnd.nextInt(4) : 1 + rnd.nextInt(2);
        int waterOutlets = water.isEmpty() ? 0 : key ? 1 + rnd.nextInt(2) : rnd.nextInt(air.isEmpty() ? 1 : 2) + (air.isEmpty() ? 1 : 0);
        double limitFactor = switch (rnd.nextInt(5)) {
            case 0 -> 0.5;   // special emission limits (特别排放限值) in key regions
            case 1 -> 0.8;   // a stricter local standard
            default -> 1.0;
        };
        for (int i = 1; i <= airOutlets; i++) {
            emitOutlet(rnd, batch, permitId, "DA", i, key && i == 1, air, limitFactor, lat, lon);
        }
        for (int i = 1; i <= waterOutlets; i++) {
            emitOutlet(rnd, batch, permitId, "DW", i, key && i == 1, water, limitFactor, lat, lon);
        }
        boolean quantityControlled = key || rnd.nextInt(100) < 30;
        if (quantityControlled) {
            double scale = key ? rnd.nextDouble(0.2, 2.5) : rnd.nextDouble(0.02, 0.3);
            for (Profile p : profile) {
                if (p.annualQuantity() == null) {
                    continue;
                }
                long thousandths = Math.max(1, Math.round(p.annualQuantity().doubleValue() * scale * 1000));
                for (int year = validFrom.getYear(); year < validFrom.getYear() + 5; year++) {
                    batch.annualQuantities.row().add(permitId).add(p.pollutantCode()).add(year)
                            .add(BigDecimal.valueOf(thousandths, 3).toPlainString());
                }
            }
        }
        batch.reportObligations.row().add(permitId).add("ANNUAL");
        if (key || rnd.nextInt(100) < 25) {
            batch.reportObligations.row().add(permitId).add("QUARTERLY");
        }
        if (key && rnd.nextInt(100) < 10) {
            batch.reportObligations.row().add(permitId).add("MONTHLY");
        }
    }

    private void emitOutlet(SplittableRandom rnd, DemoBatch batch, long permitId, String prefix, int number,
                            boolean main, List<Profile> pollutants, double limitFactor, double lat, double lon) {
        long outletId = nextOutletId++;
        boolean air = prefix.equals("DA");
        List<String> names = air ? words.airOutletNames() : words.waterOutletNames();
        String name = names.get((number - 1 + rnd.nextInt(names.size())) % names.size());
        batch.outlets.row().add(outletId).add(permitId).add(prefix + String.format("%03d", number)).add(name)
                .add(air ? "AIR" : "WATER").add(main ? "MAIN" : "GENERAL")
                .add(coordinate(lon + rnd.nextDouble(-0.005, 0.005))).add(coordinate(lat + rnd.nextDouble(-0.005, 0.005)))
                .add(air ? String.valueOf(15 + rnd.nextInt(main ? 226 : 46)) : null)
                .add(air ? null : pick(rnd, words.receivingWaters()));
        for (Profile p : pollutants) {
            boolean automatic = main && p.monitoringMode().equals("AUTOMATIC");
            String frequency = automatic || main ? p.manualFrequency()
                    : List.of("QUARTERLY", "HALF_YEARLY", "YEARLY").get(rnd.nextInt(3));
            String limit = p.limit() == null ? null
                    : p.limit().multiply(BigDecimal.valueOf(limitFactor)).setScale(2, RoundingMode.HALF_UP)
                    .stripTrailingZeros().toPlainString();
            batch.outletPollutants.row().add(outletId).add(p.pollutantCode()).add(limit)
                    .add(p.limit() == null ? null : p.unit()).add(p.limit() == null ? null : p.standard())
                    .add(null).add(automatic ? "AUTOMATIC" : "MANUAL").add(frequency)
                    .add(frequencyUnit(frequency))
                    .add(p.limit() == null ? null : p.pollutantCode().equals("w01001") ? "SAMPLE" : air ? "HOURLY" : "DAILY")
                    .add(air ? "NON_CONTINUOUS" : "GRAB").add(air ? 3 : 1);
        }
    }

    /** Once per period of the profile's frequency (the notation migration V9 gave the rows written before it). */
    private static String frequencyUnit(String frequency) {
        return switch (frequency) {
            case "DAILY" -> "DAY";
            case "WEEKLY" -> "WEEK";
            case "MONTHLY" -> "MONTH";
            case "QUARTERLY" -> "QUARTER";
            case "HALF_YEARLY" -> "HALF_YEAR";
            default -> "YEAR";
        };
    }

    private Vocabulary.Province pickProvince(SplittableRandom rnd) {
        int ticket = rnd.nextInt(provinceCumulativeWeights[provinceCumulativeWeights.length - 1]);
        for (int i = 0; i < provinceCumulativeWeights.length; i++) {
            if (ticket < provinceCumulativeWeights[i]) {
                return words.provinces().get(i);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /**
     * A code valid in full: registered by market regulation (9), an enterprise (1), in the unit's division, its
     * organisation code's check (position 17) and its own (18) right. The organisation code's body (positions 9-16)
     * is "MA" and 6 characters, as on codes issued since 2015, or 8 digits, as on older ones; each maps the index
     * one-to-one (a multiplier coprime with the base), and the two never meet (M is no digit), so no two enterprises
     * below 100,000,000 share a code.
     */
    static String creditCode(String division, long index, SplittableRandom rnd) {
        StringBuilder code = new StringBuilder("91").append(division);
        if (rnd.nextBoolean()) {
            long body = scramble(index, 887_503_681L); // 31^6
            char[] chars = new char[6];
            for (int i = 5; i >= 0; i--) {
                chars[i] = ALPHABET.charAt((int) (body % 31));
                body /= 31;
            }
            code.append("MA").append(chars);
        } else {
            long body = scramble(index, 100_000_000L);
            code.append(String.format(Locale.ROOT, "%08d", body));
        }
        code.append(CreditCode.organisationCheckCharacter(code.substring(8)));
        return code.append(CreditCode.checkCharacter(code.toString())).toString();
    }

    /**
     * A unit without a credit code holds a pseudo-code: H9, the issuing division (the unit's), then either 0000, a
     * 5-digit sequence and a letter, or the unit's 8-digit organisation code with its GB 11714 check and a letter, the
     * letter lower case (a-z but i and o). The index maps one-to-one onto (sequence, letter) below 2,400,000 and onto
     * the organisation code's body below 99,990,000 (bodies start at 00010000, so the forms never meet).
     */
    static String pseudoCreditCode(String division, long index, SplittableRandom rnd) {
        final String letters = "abcdefghjklmnpqrstuvwxyz";
        final long sequences = 100_000L * letters.length();
        StringBuilder code = new StringBuilder("H9").append(division);
        if (index < sequences && rnd.nextBoolean()) {
            long n = scramble(index, sequences);
            return code.append("0000").append(String.format(Locale.ROOT, "%05d", n / letters.length()))
                    .append(letters.charAt((int) (n % letters.length()))).toString();
        }
        long body = 10_000L + scramble(index, 99_990_000L);
        code.append(String.format(Locale.ROOT, "%08d", body));
        code.append(CreditCode.organisationCheckCharacter(code.substring(8)));
        return code.append(letters.charAt(rnd.nextInt(letters.length()))).toString();
    }

    /** The enterprise index spread over [0, modulus), one-to-one below the modulus. */
    private static long scramble(long index, long modulus) {
        return Math.floorMod(index * INDEX_MULTIPLIER + 7_777_777L, modulus);
    }

    private String placeName(Region r) {
        Region city = reference.regions().get(cityOf(r));
        Region place = city.nameZh().equals("市辖区") || city.nameZh().equals("县")
                ? reference.regions().get(r.province() + "0000") : city;
        String name = place.nameZh();
        for (String suffix : List.of("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "地区", "盟", "省", "市")) {
            if (name.endsWith(suffix) && name.length() > suffix.length() + 1) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private String fullPlace(Region r) {
        StringBuilder s = new StringBuilder(reference.regions().get(r.province() + "0000").nameZh());
        Region city = reference.regions().get(cityOf(r));
        if (city != null && city.level() == 2 && !city.nameZh().equals("市辖区") && !city.nameZh().equals("县")) {
            s.append(city.nameZh());
        }
        if (r.level() == 3) {
            s.append(r.nameZh());
        }
        return s.toString();
    }

    private static String cityOf(Region r) {
        return r.code().substring(0, 4) + "00";
    }

    private static String siteSuffix(int serial) {
        return serial == 2 ? "（二厂）" : "（三厂）";
    }

    private String person(SplittableRandom rnd) {
        return pick(rnd, words.surnames()) + pick(rnd, words.givenNames());
    }

    private static String pick(SplittableRandom rnd, List<String> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    private static String digits(SplittableRandom rnd, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) ('0' + rnd.nextInt(10)));
        }
        return s.toString();
    }

    private static String coordinate(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).toPlainString();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
