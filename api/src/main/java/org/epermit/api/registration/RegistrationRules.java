package org.epermit.api.registration;

import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.common.CreditCode;
import org.epermit.api.common.FreeText;
import org.epermit.api.permit.PermitLifecycleConfig;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;
import org.epermit.api.reference.Medium;
import org.epermit.codes.Strictness;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of registration (排污登记, domain.md): a form is checked field by field, each failing field an error with
 * its JSON pointer and {@link RegistrationCode}, all of them at once; a receipt is valid for {@code validityYears}
 * from the day it is issued, renewed only in the window before it expires in which it is shown as due for renewal
 * ({@code epermit.permit-lifecycle.registration-renewal-lead}, 20 days; each renewal adding
 * {@code validityYears} to the expiry), and a change is registered within {@code changeWindowDays} (later: accepted,
 * with a finding). Pure: what the database holds and the day are given, so the rules are tested without one.
 */
@ApplicationScoped
public class RegistrationRules {

    static final BigDecimal LONGITUDE_MIN = BigDecimal.valueOf(73);
    static final BigDecimal LONGITUDE_MAX = BigDecimal.valueOf(136);
    static final BigDecimal LATITUDE_MIN = BigDecimal.valueOf(3);
    static final BigDecimal LATITUDE_MAX = BigDecimal.valueOf(54);

    /** What a change's checks found: errors refuse it, findings are recorded with it. */
    record Checked(List<FieldError> errors, List<RegistrationFinding> findings) {
    }

    /** What a change changes, each field that differs from the receipt's (null: unchanged), stripped. */
    record Changes(String unitName, String unitAddress, String legalRepresentative, String siteName, String siteAddress,
                   BigDecimal longitude, BigDecimal latitude) {

        boolean unit() {
            return unitName != null || unitAddress != null || legalRepresentative != null;
        }

        boolean site() {
            return siteName != null || siteAddress != null || longitude != null;
        }

        boolean any() {
            return unit() || site();
        }
    }

    private final RegistrationConfig config;
    private final Period renewalWindow;

    /** The renewal window is how long before the end of its validity a receipt is shown as due for renewal. */
    public RegistrationRules(RegistrationConfig config, PermitLifecycleConfig lifecycle) {
        this.config = config;
        this.renewalWindow = lifecycle.registrationRenewalLead();
    }

    /** The last day of validity of a receipt issued on {@code issued}. */
    LocalDate validTo(LocalDate issued) {
        return issued.plusYears(config.validityYears()).minusDays(1);
    }

    /**
     * The first day a receipt valid to {@code validTo} is renewed: the day its validity ends within the window, the day
     * {@link org.epermit.api.permit.RenewalDue} starts showing it as due (20 days: valid to 31 December, renewed from 11
     * December).
     */
    LocalDate renewableFrom(LocalDate validTo) {
        return validTo.minus(renewalWindow);
    }

    /** The new last day of validity of a receipt valid to {@code validTo} once renewed: its term runs on from the old expiry. */
    LocalDate renewedTo(LocalDate validTo) {
        return validTo.plusYears(config.validityYears());
    }

    // ------------------------------------------------------------------------------------------------ registration

    /** The form's own errors, before anything is looked up. */
    List<FieldError> form(RegistrationBody body) {
        List<FieldError> errors = new ArrayList<>();
        commitment(body.truthful(), errors);
        RegistrationBody.Unit unit = body.unit();
        if (unit == null) {
            errors.add(error("/unit", RegistrationCode.REQUIRED, "Give the unit: {creditCode, name, address, legalRepresentative}.",
                    "请填写排污单位：{creditCode, name, address, legalRepresentative}。"));
        } else {
            if (unit.creditCode() == null || unit.creditCode().isEmpty()) {
                errors.add(required("/unit/creditCode"));
            } else {
                CreditCode.check(unit.creditCode(), "/unit/creditCode", Strictness.REGISTRATION).ifPresent(e ->
                        errors.add(new FieldError(e.path(), RegistrationCode.INVALID_CREDIT_CODE.name(), e.message())));
            }
            text("/unit/name", unit.name(), RegistrationBody.NAME_MAX, true, errors);
            text("/unit/address", unit.address(), RegistrationBody.ADDRESS_MAX, true, errors);
            text("/unit/legalRepresentative", unit.legalRepresentative(), RegistrationBody.PERSON_MAX, true, errors);
        }
        RegistrationBody.Site site = body.site();
        if (site == null) {
            errors.add(error("/site", RegistrationCode.REQUIRED, "Give the site: {name, address, regionCode, longitude, latitude}.",
                    "请填写生产经营场所：{name, address, regionCode, longitude, latitude}。"));
        } else {
            text("/site/name", site.name(), RegistrationBody.NAME_MAX, true, errors);
            text("/site/address", site.address(), RegistrationBody.ADDRESS_MAX, true, errors);
            if (site.regionCode() == null) {
                errors.add(required("/site/regionCode"));
            } else if (!site.regionCode().matches("[0-9]{6}")) {
                errors.add(error("/site/regionCode", RegistrationCode.UNKNOWN_REGION, site.regionCode() + " is not a six-digit GB/T 2260 code.",
                        site.regionCode() + "不是六位 GB/T 2260 区划代码。"));
            }
            coordinates("/site", site.longitude(), site.latitude(), errors);
        }
        if (body.industryCode() == null) {
            errors.add(required("/industryCode"));
        } else if (!body.industryCode().matches("[0-9]{4}")) {
            errors.add(error("/industryCode", RegistrationCode.UNKNOWN_INDUSTRY, body.industryCode()
                    + " is not a four-digit GB/T 4754-2017 class.", body.industryCode() + "不是四位 GB/T 4754-2017 行业小类代码。"));
        }
        outlets(body.outlets(), errors);
        return errors;
    }

    /**
     * The errors of what a form refers to, given what the service holds: the unit (looked up by its code, and sent as
     * it is known), the site's division and the industry class (which the catalogue must manage by registration).
     * Each lookup is empty when the form's own check of its field failed, or when nothing was found.
     */
    List<FieldError> references(RegistrationBody body, boolean unitLooked, Optional<RegistrationQueries.KnownUnit> unit,
                                boolean regionLooked, Optional<RegistrationQueries.Region> region,
                                boolean industryLooked, Optional<RegistrationQueries.Industry> industry) {
        List<FieldError> errors = new ArrayList<>();
        if (unitLooked && unit.isEmpty()) {
            errors.add(error("/unit/creditCode", RegistrationCode.UNKNOWN_UNIT, "No unit with the credit code " + body.unit().creditCode()
                    + " is known to the service; a unit registers through the enterprise client an administrator registers for it.",
                    "服务中没有统一社会信用代码为" + body.unit().creditCode() + "的排污单位；排污单位通过管理员为其注册的单位客户端登记。"));
        }
        unit.ifPresent(known -> sameAsKnown(body.unit(), known, errors));
        if (regionLooked) {
            String code = body.site().regionCode();
            if (region.isEmpty()) {
                errors.add(error("/site/regionCode", RegistrationCode.UNKNOWN_REGION, "No GB/T 2260 division has the code " + code + ".",
                        "没有代码为" + code + "的 GB/T 2260 行政区划。"));
            } else if (!region.get().isSiteDivision()) {
                errors.add(error("/site/regionCode", RegistrationCode.REGION_TOO_BROAD, code + " is a " + (region.get().level() == 1
                        ? "province" : region.get().grouping() ? "grouping row" : "city with counties") + ": give the county (district) the site lies in.",
                        code + "为" + (region.get().level() == 1 ? "省级区划" : region.get().grouping() ? "统计用汇总行" : "下设区县的市")
                                + "，请填写场所所在区县的代码。"));
            }
        }
        if (industryLooked) {
            String code = body.industryCode();
            if (industry.isEmpty()) {
                errors.add(error("/industryCode", RegistrationCode.UNKNOWN_INDUSTRY, "No GB/T 4754-2017 class has the code " + code + ".",
                        "没有代码为" + code + "的 GB/T 4754-2017 行业小类。"));
            } else if (industry.get().categories().isEmpty()) {
                errors.add(error("/industryCode", RegistrationCode.INDUSTRY_NOT_IN_CATALOGUE, "The classification catalogue lists no "
                        + "management category for class " + code + ".", "分类管理名录未列出行业类别" + code + "的管理类别。"));
            } else if (!industry.get().categories().contains("REGISTRATION")) {
                String categories = String.join(" or ", industry.get().categories());
                errors.add(error("/industryCode", RegistrationCode.INDUSTRY_NOT_REGISTRATION, "The classification catalogue manages class "
                        + code + " as " + categories + ", never by registration: apply for a permit (an INITIAL application, "
                        + "POST /v1/applications) instead.", "分类管理名录对行业类别" + code + "实行" + String.join("或", industry.get().categories())
                        + "管理，不适用登记：请申领排污许可证（首次申请，POST /v1/applications）。"));
            }
        }
        return errors;
    }

    private static void sameAsKnown(RegistrationBody.Unit sent, RegistrationQueries.KnownUnit known, List<FieldError> errors) {
        if (sent.name() != null && !sent.name().strip().equals(known.name())) {
            errors.add(error("/unit/name", RegistrationCode.UNIT_DETAILS_DIFFER, "The unit " + known.creditCode() + " is known as "
                    + known.name() + ".", "单位" + known.creditCode() + "的已知名称为" + known.name() + "。"));
        }
        if (sent.address() != null && !sent.address().strip().equals(known.address())) {
            errors.add(error("/unit/address", RegistrationCode.UNIT_DETAILS_DIFFER, "The unit " + known.creditCode()
                    + "'s known address is " + known.address() + ".", "单位" + known.creditCode() + "的已知地址为" + known.address() + "。"));
        }
        // never disclosed, so not repeated in the message either
        if (sent.legalRepresentative() != null && known.legalRepresentative() != null
                && !sent.legalRepresentative().strip().equals(known.legalRepresentative())) {
            errors.add(error("/unit/legalRepresentative", RegistrationCode.UNIT_DETAILS_DIFFER, "The unit " + known.creditCode()
                    + " has another legal representative on record.", "单位" + known.creditCode() + "登记在案的法定代表人与此不同。"));
        }
    }

    private static void outlets(List<RegistrationBody.Outlet> outlets, List<FieldError> errors) {
        if (outlets == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < outlets.size(); i++) {
            String at = "/outlets/" + i;
            RegistrationBody.Outlet o = outlets.get(i);
            if (o == null) {
                errors.add(required(at));
                continue;
            }
            if (o.code() == null) {
                errors.add(required(at + "/code"));
            } else if (!o.code().matches("D[AW][0-9]{3}")) {
                errors.add(error(at + "/code", RegistrationCode.OUTLET_CODE_FORMAT, o.code() + " is not DA or DW and three digits.",
                        o.code() + "不是 DA 或 DW 加三位数字。"));
            } else {
                if (!seen.add(o.code())) {
                    errors.add(error(at + "/code", RegistrationCode.DUPLICATE_OUTLET, o.code() + " is listed twice.", o.code() + "重复。"));
                }
                if (o.medium() != null && (o.medium() == Medium.AIR) != o.code().startsWith("DA")) {
                    errors.add(error(at + "/medium", RegistrationCode.OUTLET_MEDIUM_MISMATCH, o.code() + " is " + (o.code().startsWith("DA")
                            ? "an air" : "a water") + " outlet's code, not " + o.medium() + ".", o.code() + "为"
                            + (o.code().startsWith("DA") ? "废气" : "废水") + "排放口编码，与类别" + o.medium() + "不符。"));
                }
            }
            if (o.medium() == null) {
                errors.add(required(at + "/medium"));
            }
            text(at + "/name", o.name(), RegistrationBody.NAME_MAX, true, errors);
            if (o.destination() != null && o.medium() == Medium.AIR) {
                errors.add(error(at + "/destination", RegistrationCode.DESTINATION_NOT_FOR_AIR, "An air outlet discharges to the air: "
                        + "destination is for WATER outlets.", "废气排放口排入大气：destination 仅适用于废水排放口。"));
            } else {
                text(at + "/destination", o.destination(), RegistrationBody.NAME_MAX, false, errors);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ renewal

    List<FieldError> renewalForm(RegistrationRenewal body) {
        List<FieldError> errors = new ArrayList<>();
        commitment(body.truthful(), errors);
        return errors;
    }

    /** The errors that refuse renewing {@code receipt} today: only a live receipt, only in its window. */
    List<FieldError> renewal(RegistrationQueries.Receipt receipt, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (!live(receipt, today, errors)) {
            return errors;
        }
        LocalDate from = renewableFrom(receipt.validTo());
        if (today.isBefore(from)) {
            errors.add(error("", RegistrationCode.RENEWAL_WINDOW_NOT_OPEN, "Receipt " + receipt.permitNumber() + " is valid to "
                    + receipt.validTo() + "; it is renewed from " + from + " (" + window() + " before it expires), "
                    + ChronoUnit.DAYS.between(today, from) + " day(s) from today (" + today + ").", "登记回执" + receipt.permitNumber() + "有效期至"
                    + receipt.validTo() + "，可自" + from + "起（届满前" + windowZh() + "内）办理延续，距今日（" + today + "）还有"
                    + ChronoUnit.DAYS.between(today, from) + "日。"));
        }
        return errors;
    }

    private String window() {
        return renewalWindow.getYears() == 0 && renewalWindow.getMonths() == 0 ? renewalWindow.getDays() + " days" : renewalWindow.toString();
    }

    private String windowZh() {
        return renewalWindow.getYears() == 0 && renewalWindow.getMonths() == 0 ? renewalWindow.getDays() + "日" : renewalWindow.toString();
    }

    // ------------------------------------------------------------------------------------------------ change

    /** A change's own errors, and the finding of a late one. */
    Checked changeForm(RegistrationChange body, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        List<RegistrationFinding> findings = new ArrayList<>();
        commitment(body.truthful(), errors);
        LocalDate on = body.changedOn();
        if (on == null) {
            errors.add(required("/changedOn"));
        } else if (on.isAfter(today)) {
            errors.add(error("/changedOn", RegistrationCode.CHANGE_DATE_IN_FUTURE, on + " is after today (" + today + ").",
                    on + "晚于今日（" + today + "）。"));
        } else if (ChronoUnit.DAYS.between(on, today) > config.changeWindowDays()) {
            long days = ChronoUnit.DAYS.between(on, today);
            findings.add(new RegistrationFinding(RegistrationCode.CHANGE_REGISTERED_LATE, "/changedOn", "Registered " + days
                    + " days after the change of " + on + "; changes are registered within " + config.changeWindowDays() + " days.",
                    "在变更（" + on + "）后" + days + "日登记；变更应在" + config.changeWindowDays() + "日内登记。"));
        }
        if (body.unit() != null) {
            text("/unit/name", body.unit().name(), RegistrationBody.NAME_MAX, false, errors);
            text("/unit/address", body.unit().address(), RegistrationBody.ADDRESS_MAX, false, errors);
            text("/unit/legalRepresentative", body.unit().legalRepresentative(), RegistrationBody.PERSON_MAX, false, errors);
        }
        if (body.site() != null) {
            text("/site/name", body.site().name(), RegistrationBody.NAME_MAX, false, errors);
            text("/site/address", body.site().address(), RegistrationBody.ADDRESS_MAX, false, errors);
            coordinates("/site", body.site().longitude(), body.site().latitude(), errors);
        }
        return new Checked(errors, findings);
    }

    /** The fields of a change whose value differs from the receipt's. */
    static Changes changes(RegistrationChange body, RegistrationQueries.Receipt r) {
        RegistrationChange.Unit u = body.unit();
        RegistrationChange.Site s = body.site();
        boolean moved = s != null && s.longitude() != null
                && (!same(s.longitude(), r.longitude()) || !same(s.latitude(), r.latitude()));
        return new Changes(u == null ? null : differing(u.name(), r.unitName()), u == null ? null : differing(u.address(), r.unitAddress()),
                u == null ? null : differing(u.legalRepresentative(), r.legalRepresentative()),
                s == null ? null : differing(s.name(), r.siteName()), s == null ? null : differing(s.address(), r.siteAddress()),
                moved ? s.longitude() : null, moved ? s.latitude() : null);
    }

    /**
     * The errors that refuse the change {@code changes} of {@code receipt}, dated {@code on}, today: only a live
     * receipt, a change since it was issued, a change of something, and none of the unit's fields while the unit holds a permit ({@code otherPermits}), on which they
     * change through a CHANGE application.
     */
    List<FieldError> change(RegistrationQueries.Receipt receipt, LocalDate on, Changes changes, List<String> otherPermits, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (!live(receipt, today, errors)) {
            return errors;
        }
        if (on.isBefore(receipt.issueDate())) {
            errors.add(error("/changedOn", RegistrationCode.CHANGE_BEFORE_REGISTRATION, "Receipt " + receipt.permitNumber() + " was issued on "
                    + receipt.issueDate() + " with the details of that day; a change of it is dated " + receipt.issueDate() + " or later, not " + on + ".",
                    "登记回执" + receipt.permitNumber() + "于" + receipt.issueDate() + "登记，登记的是当日的信息；其变更日期不得早于"
                            + receipt.issueDate() + "，而非" + on + "。"));
        }
        if (!changes.any()) {
            errors.add(error("", RegistrationCode.NOTHING_CHANGED, "The change gives no field whose value differs from receipt "
                    + receipt.permitNumber() + "'s.", "变更未给出与登记回执" + receipt.permitNumber() + "现有内容不同的事项。"));
        }
        if (changes.unit() && !otherPermits.isEmpty()) {
            errors.add(error("/unit", RegistrationCode.UNIT_HOLDS_PERMITS, "The unit also holds permit(s) " + String.join(", ", otherPermits)
                    + ": its name, address and legal representative change through a CHANGE application on them.",
                    "该单位还持有排污许可证" + String.join("、", otherPermits) + "：单位名称、地址和法定代表人的变更须通过其变更申请办理。"));
        }
        return errors;
    }

    // ------------------------------------------------------------------------------------------------ shared

    /** A receipt that is VALID and has not expired by its dates (the nightly job may not have set its status yet). */
    private static boolean live(RegistrationQueries.Receipt receipt, LocalDate today, List<FieldError> errors) {
        if ("EXPIRED".equals(receipt.status()) || ("VALID".equals(receipt.status()) && receipt.validTo().isBefore(today))) {
            errors.add(error("", RegistrationCode.REGISTRATION_EXPIRED, "Receipt " + receipt.permitNumber() + " expired on "
                    + receipt.validTo() + "; register the site again for a new receipt.", "登记回执" + receipt.permitNumber() + "已于"
                    + receipt.validTo() + "到期，请重新登记以获得新的登记回执。"));
            return false;
        }
        if (!"VALID".equals(receipt.status())) {
            errors.add(error("", RegistrationCode.REGISTRATION_NOT_VALID, "Receipt " + receipt.permitNumber() + " is " + receipt.status()
                    + ".", "登记回执" + receipt.permitNumber() + "状态为" + receipt.status() + "。"));
            return false;
        }
        return true;
    }

    private static void commitment(Boolean truthful, List<FieldError> errors) {
        if (!Boolean.TRUE.equals(truthful)) {
            errors.add(error("/truthful", RegistrationCode.COMMITMENT_REQUIRED, "truthful must be true.", "truthful 须为 true。"));
        }
    }

    private static void coordinates(String at, BigDecimal longitude, BigDecimal latitude, List<FieldError> errors) {
        if ((longitude == null) != (latitude == null)) {
            String missing = longitude == null ? "/longitude" : "/latitude";
            errors.add(error(at + missing, RegistrationCode.COORDINATE_OUT_OF_RANGE, "Give longitude and latitude together.",
                    "经度和纬度须同时填写。"));
            return;
        }
        if (longitude != null && (longitude.compareTo(LONGITUDE_MIN) < 0 || longitude.compareTo(LONGITUDE_MAX) > 0)) {
            errors.add(error(at + "/longitude", RegistrationCode.COORDINATE_OUT_OF_RANGE, longitude + " is outside 73 to 136 degrees east.",
                    longitude + "超出东经73～136度。"));
        }
        if (latitude != null && (latitude.compareTo(LATITUDE_MIN) < 0 || latitude.compareTo(LATITUDE_MAX) > 0)) {
            errors.add(error(at + "/latitude", RegistrationCode.COORDINATE_OUT_OF_RANGE, latitude + " is outside 3 to 54 degrees north.",
                    latitude + "超出北纬3～54度。"));
        }
    }

    /** Free text ({@link FreeText}) of at most {@code max} characters, checked stripped. */
    private static void text(String path, String value, int max, boolean required, List<FieldError> errors) {
        if (value == null) {
            if (required) {
                errors.add(required(path));
            }
            return;
        }
        FreeText.check(value.strip(), path, max).ifPresent(e -> errors.add(new FieldError(path, "TOO_LONG".equals(e.code())
                ? RegistrationCode.TOO_LONG.name() : RegistrationCode.INVALID_TEXT.name(), e.message())));
    }

    private static String differing(String sent, String current) {
        return sent == null || sent.strip().equals(current) ? null : sent.strip();
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static FieldError required(String path) {
        return new FieldError(path, RegistrationCode.REQUIRED.name(), Message.of("is required", "为必填项"));
    }

    static FieldError error(String path, RegistrationCode code, String en, String zh) {
        Objects.requireNonNull(code);
        return new FieldError(path, code.name(), Message.of(en, zh));
    }
}
