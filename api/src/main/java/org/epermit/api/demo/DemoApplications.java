package org.epermit.api.demo;

import org.epermit.api.client.FixedClients;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The demo's review desk: applications on permits of the demo regulator's province at every stage the desk shows, as of
 * the demo's date: one awaiting acceptance, one accepted and in time, one accepted and overdue, one returned with its
 * one notice of corrections, one rejected with its reasons. They were filed by a demo applicant client (no key: the
 * history's filer, not a caller) and reviewed by the demo regulator, whose key {@link DemoCallers} prints.
 *
 * <p>Only a rejection and a return among the decided ones: an approval changes its permit, and the demo's permits are
 * generated with the history they have.
 */
final class DemoApplications {

    static final UUID APPLICANT = UUID.fromString("00000000-0000-4000-8000-0000000000e1");
    static final UUID REGULATOR = UUID.fromString("00000000-0000-4000-8000-0000000000c1");
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private DemoApplications() {
    }

    /**
     * The demo regulator's region: the province with the most valid permits that hold a valid KEY one, so that its desk
     * has applications at every stage; the demo vendor's delegated enterprise is of the same province.
     */
    static String regulatorRegion(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                SELECT p.province_code FROM permit p WHERE p.status = 'VALID' AND p.category IN ('KEY', 'SIMPLIFIED')
                GROUP BY p.province_code HAVING bool_or(p.category = 'KEY')
                ORDER BY count(*) DESC, p.province_code LIMIT 1""");
             ResultSet rs = st.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** The demo regulator, with the region of this data; none when the data holds no valid KEY permit. */
    static String ensureRegulator(Connection c) throws SQLException {
        String region = regulatorRegion(c);
        if (region != null) {
            FixedClients.ensure(c, REGULATOR, "Demo regulator", "演示省生态环境厅", List.of("regulator"),
                    List.of("permits:read", "reviews:write", "stats:read"), "standard", region);
        }
        return region;
    }

    /** Writes the demo applications; how many. */
    static int load(Connection c, LocalDate asOf) throws SQLException {
        String region = ensureRegulator(c);
        if (region == null) {
            return 0;
        }
        FixedClients.ensure(c, APPLICANT, "Demo applicant (history)", "演示排污单位", List.of("vendor"),
                List.of("permits:read", "applications:write"), "free");
        List<long[]> permits = new ArrayList<>();   // {permit id, enterprise id}
        List<String> categories = new ArrayList<>();
        List<LocalDate> validTo = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("""
                SELECT p.id, p.enterprise_id, p.category, p.valid_to FROM permit p
                WHERE p.province_code = ? AND p.status = 'VALID' AND p.category IN ('KEY', 'SIMPLIFIED')
                ORDER BY p.valid_to DESC, p.permit_number LIMIT 5""")) {
            st.setString(1, region);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    permits.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    categories.add(rs.getString(3));
                    validTo.add(rs.getObject(4, LocalDate.class));
                }
            }
        }
        String renewal = "{\"type\": \"RENEWAL\", \"truthful\": true, \"statement\": \"许可证有效期内守法排污，申请延续。\"}";
        String change = "{\"type\": \"CHANGE\", \"truthful\": true, \"change\": {\"changedOn\": \"" + asOf.minusDays(12)
                + "\", \"items\": [{\"field\": \"ADDRESS\", \"value\": \"演示市经济开发区创新路8号\"}]}}";
        String reissue = "{\"type\": \"REISSUE\", \"truthful\": true, \"reissue\": {\"circumstance\": \"DAMAGED\"}}";
        List<Demo> demos = List.of(
                new Demo("RENEWAL", renewal, asOf.minusDays(2), null, List.of()),
                new Demo("CHANGE", change, asOf.minusDays(10), asOf.minusDays(8), List.of()),
                new Demo("RENEWAL", renewal, asOf.minusDays(60), asOf.minusDays(58), List.of()),
                new Demo("REISSUE", reissue, asOf.minusDays(6), null, List.of(new Event("RETURNED", asOf.minusDays(4), "请一次性补正以下事项",
                        "{\"corrections\": [{\"path\": \"/reissue/circumstance\", \"comment\": \"请附损毁的许可证副本照片\"},"
                                + " {\"path\": \"/statement\", \"comment\": \"请说明损毁经过\"}]}"))),
                new Demo("RENEWAL", renewal, asOf.minusDays(40), asOf.minusDays(38), List.of(new Event("REJECTED", asOf.minusDays(20),
                        "详见不予延续决定书", "{\"reasons\": [\"许可证有效期内存在超标排放且未按期整改\"]}"))));
        int written = 0;
        for (int i = 0; i < demos.size() && i < permits.size(); i++) {
            Demo demo = demos.get(i);
            // a renewal of a permit expiring within 60 days of its filing would be late: that permit gets the change
            if (demo.type().equals("RENEWAL") && !validTo.get(i).isAfter(demo.filed().plusDays(60))) {
                demo = new Demo("CHANGE", change, demo.filed(), demo.accepted(), demo.after());
            }
            write(c, demo, permits.get(i), categories.get(i));
            written++;
        }
        return written;
    }

    private record Event(String status, LocalDate on, String comment, String details) {
    }

    private record Demo(String type, String body, LocalDate filed, LocalDate accepted, List<Event> after) {
    }

    private static void write(Connection c, Demo d, long[] permit, String category) throws SQLException {
        List<Event> events = new ArrayList<>();
        events.add(new Event("SUBMITTED", d.filed(), null, null));
        if (d.accepted() != null) {
            events.add(new Event("ACCEPTED", d.accepted(), null, null));
        }
        events.addAll(d.after());
        String status = events.get(events.size() - 1).status();
        LocalDate decided = "REJECTED".equals(status) ? events.get(events.size() - 1).on() : null;
        long id;
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO application (application_type, permit_id, enterprise_id, status, body, findings, filed_at, filed_by,
                                         updated_at, version, region_code, category, accepted_on, decided_on, submitted_at)
                SELECT ?, ?, ?, ?, CAST(? AS jsonb), '[]', ?, ?, ?, ?, p.region_code, ?, ?, ?, ? FROM permit p WHERE p.id = ?
                RETURNING id""")) {
            st.setString(1, d.type());
            st.setLong(2, permit[0]);
            st.setLong(3, permit[1]);
            st.setString(4, status);
            st.setString(5, d.body());
            st.setTimestamp(6, morning(d.filed()));
            st.setObject(7, APPLICANT);
            st.setTimestamp(8, morning(events.get(events.size() - 1).on()));
            st.setLong(9, events.size() - 1);
            st.setString(10, category);
            st.setObject(11, d.accepted());
            st.setObject(12, decided);
            st.setTimestamp(13, morning(d.filed()));
            st.setLong(14, permit[0]);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO application_event (application_id, sequence, status, at, by_client, comment, details)
                VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb))""")) {
            for (int i = 0; i < events.size(); i++) {
                Event e = events.get(i);
                st.setLong(1, id);
                st.setInt(2, i + 1);
                st.setString(3, e.status());
                st.setTimestamp(4, morning(e.on()));
                st.setObject(5, i == 0 ? APPLICANT : REGULATOR);
                st.setString(6, e.comment());
                st.setString(7, e.details());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private static Timestamp morning(LocalDate day) {
        return Timestamp.from(day.atTime(10, 0).atZone(CHINA).toInstant());
    }
}
