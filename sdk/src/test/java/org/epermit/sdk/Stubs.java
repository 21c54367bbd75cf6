package org.epermit.sdk;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/** Responses the API gives, for scripting WireMock. */
public final class Stubs {

    public static final String PERMIT = "91130200699229617X001P";
    public static final String PERMIT_PATH = "/v1/public/permits/" + PERMIT;

    private Stubs() {
    }

    public static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("X-Request-Id", "req-ok-123").withBody(body);
    }

    public static ResponseDefinitionBuilder permit() {
        return json("""
                {"permitNumber":"%s","version":2,"category":"KEY","status":"VALID",
                 "enterprise":{"creditCode":"91130200699229617X","name":"唐山鑫源热电有限公司"},
                 "outlets":[{"code":"DA001","medium":"AIR","kind":"MAIN","pollutants":[]}]}""".formatted(PERMIT));
    }

    public static ResponseDefinitionBuilder problem(int status, String code, String detail, String errors) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withHeader("X-Request-Id", "req-" + status).withBody("""
                        {"type":"urn:epermit:problem:x","title":"Title %d","status":%d,"detail":"%s",
                         "instance":"/v1/x","code":"%s","errors":%s,"requestId":"req-%d"}"""
                        .formatted(status, status, detail, code, errors, status));
    }

    public static ResponseDefinitionBuilder problem(int status, String code) {
        return problem(status, code, "Something about " + code + ".", "[]");
    }
}
