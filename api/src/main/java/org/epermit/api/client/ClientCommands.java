package org.epermit.api.client;

import org.epermit.api.client.ClientRequests.ClientChange;
import org.epermit.api.client.ClientRequests.NewClient;
import org.epermit.api.common.FieldValidator;
import org.epermit.api.gateway.Caller;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;
import org.epermit.codes.Strictness;

import java.util.List;
import java.util.Set;

/**
 * The client registry's requests, checked field by field before any transaction opens (a 400 costs no BEGIN, no
 * lock, no rollback): what is left to check inside the write is only what needs the database (an unknown enterprise, a
 * rule between a change and the client as it is).
 */
final class ClientCommands {

    static final Set<String> SETTABLE_STATUSES = Set.of("ACTIVE", "SUSPENDED");
    private static final int MAX_TEXT = 200;

    private ClientCommands() {
    }

    /** A client to register, every field valid. */
    record Registration(String name, String organisation, String contactEmail, List<String> roles, List<String> scopes,
                        String regionCode, String enterpriseCreditCode, String plan, String oidcClientId) {
    }

    /** A change, every field sent valid; {@code patch} tells which fields it sends and which it clears. */
    record Change(ClientPatch patch, String name, String organisation, String contactEmail, List<String> roles,
                  List<String> scopes, String regionCode, String plan, String status, String oidcClientId) {
    }

    static Registration registration(NewClient body, String defaultPlan, Set<String> plans) {
        if (body == null) {
            throw bodyRequired();
        }
        FieldValidator v = new FieldValidator();
        String name = v.strippedText("body.name", body.name(), true, MAX_TEXT);
        String organisation = v.strippedText("body.organisation", body.organisation(), true, MAX_TEXT);
        String email = v.email("body.contactEmail", body.contactEmail(), MAX_TEXT);
        List<String> roles = v.values("body.roles", body.roles(), Caller.ROLES, true);
        List<String> scopes = v.values("body.scopes", body.scopes(), Caller.SCOPES, true);
        String region = v.region("body.regionCode", body.regionCode());
        // A lookup, not a registration: an enterprise user's client is bound to a unit that must already exist
        // (ClientRegistry refuses an unknown one with UNKNOWN_ENTERPRISE); a genuine early code is bound like any other.
        String creditCode = v.creditCode("body.enterpriseCreditCode", body.enterpriseCreditCode(), Strictness.LOOKUP);
        String plan = v.oneOf("body.plan", body.plan() == null ? defaultPlan : body.plan(), plans);
        String oidc = v.strippedText("body.oidcClientId", body.oidcClientId(), false, MAX_TEXT);
        roleRules(v, roles, scopes, region, body.enterpriseCreditCode());
        v.throwIfInvalid();
        return new Registration(name, organisation, email, roles, scopes, region, creditCode, plan, oidc);
    }

    static Change change(ClientPatch patch, Set<String> plans) {
        if (patch == null) {
            throw bodyRequired();
        }
        ClientChange body = patch.values();
        FieldValidator v = new FieldValidator();
        for (String required : List.of("name", "organisation", "roles", "scopes", "plan", "status")) {
            v.rule(!patch.clears(required), "body." + required, "REQUIRED", Message.of(
                    "cannot be cleared: leave it out to keep it as it is", "不能清空：如不修改请省略该字段"));
        }
        Change change = new Change(patch,
                v.strippedText("body.name", body.name(), false, MAX_TEXT),
                v.strippedText("body.organisation", body.organisation(), false, MAX_TEXT),
                v.email("body.contactEmail", body.contactEmail(), MAX_TEXT),
                v.values("body.roles", body.roles(), Caller.ROLES, false),
                v.values("body.scopes", body.scopes(), Caller.SCOPES, false),
                v.region("body.regionCode", body.regionCode()),
                v.oneOf("body.plan", body.plan(), plans),
                v.oneOf("body.status", body.status(), SETTABLE_STATUSES),
                v.strippedText("body.oidcClientId", body.oidcClientId(), false, MAX_TEXT));
        v.throwIfInvalid();
        return change;
    }

    /** The rules between a client's roles, scopes, region and unit; checked on a change against the client as it is. */
    static void roleRules(FieldValidator v, List<String> roles, List<String> scopes, String region,
                          String enterpriseCreditCode) {
        if (roles == null || scopes == null) {
            return;
        }
        v.rule(!scopes.contains("admin") || roles.contains("admin"), "body.scopes", "ROLE_REQUIRED",
                Message.of("the admin scope is only for clients with the admin role", "admin 权限范围仅限具有 admin 角色的客户端"));
        v.rule(!roles.contains("regulator") || region != null, "body.regionCode", "REQUIRED",
                Message.of("is required for a regulator", "监管部门客户端必须填写"));
        v.rule(!roles.contains("enterprise") || enterpriseCreditCode != null, "body.enterpriseCreditCode", "REQUIRED",
                Message.of("is required for an enterprise client", "排污单位客户端必须填写"));
    }

    private static ApiException bodyRequired() {
        return ApiException.validation(List.of(new FieldError("body", "REQUIRED", Message.of("is required", "为必填项"))));
    }
}
