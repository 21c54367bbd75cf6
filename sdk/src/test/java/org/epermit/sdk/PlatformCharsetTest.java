package org.epermit.sdk;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.Charset;
import org.epermit.sdk.model.PublicPermit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chinese text arrives intact whatever the platform's default charset: the build runs this test a second time in a
 * JVM started with {@code -Dfile.encoding=GBK}, as on Chinese Windows with Java 17, where any decoding that fell back
 * on the platform's charset ({@code new String(bytes)}, a {@code Reader} without a charset) would garble every name.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PlatformCharsetTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void chinese_text_survives_the_platform_charset() {
        String expected = System.getProperty("epermit.expect.charset");
        if (expected != null) {
            assertThat(Charset.defaultCharset().name()).as("the JVM runs with the charset under test").isEqualTo(expected);
        }
        api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).willReturn(Stubs.permit()));
        PublicPermit permit = EPermitClient.builder().baseUrl(api.baseUrl()).build().publicPermits().get(Stubs.PERMIT);
        assertThat(permit.getEnterprise().getName()).isEqualTo("唐山鑫源热电有限公司");
    }
}
