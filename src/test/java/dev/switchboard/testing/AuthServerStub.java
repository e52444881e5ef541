package dev.switchboard.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;

/**
 * Plays the OAuth authorization server: its OIDC discovery document and its JWKS, with a key made for this run.
 * Switchboard finds the keys the way it does in production (issuer, discovery, JWKS); tests mint tokens with
 * {@link Tokens}, injected into a field of that type.
 */
public class AuthServerStub extends WireMockStub {

    /** The canonical URI the test server claims as its resource (the audience of valid tokens). */
    public static final String RESOURCE = "https://mcp.example.test/mcp";

    private Tokens tokens;

    @Override
    protected Map<String, String> config(String baseUrl) {
        tokens = serveKeys(server(), RESOURCE);
        return Map.of(
                "switchboard.auth.enabled",
                "true",
                "switchboard.auth.issuer",
                tokens.issuer(),
                "switchboard.auth.resource",
                RESOURCE);
    }

    /**
     * Makes {@code server} an authorization server with issuer {@code <base>/realms/test} (discovery document and
     * JWKS, with a key made for this call) and returns the minter of its tokens for {@code resource}. For tests that
     * run their own WireMock, such as the fuzzer's.
     */
    public static Tokens serveKeys(WireMockServer server, String resource) {
        String issuer = server.baseUrl() + "/realms/test";
        Tokens tokens = new Tokens(issuer, resource);
        server.stubFor(get(urlEqualTo("/realms/test/.well-known/openid-configuration"))
                .willReturn(okJson("{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/certs\","
                        + "\"token_endpoint\":\"" + issuer + "/token\","
                        + "\"authorization_endpoint\":\"" + issuer + "/auth\"}")));
        server.stubFor(get(urlEqualTo("/realms/test/certs")).willReturn(okJson(tokens.jwks())));
        return tokens;
    }

    @Override
    public void inject(TestInjector injector) {
        // Only the tokens: a test's WireMockServer field belongs to the API it stubs (e.g. the model server).
        injector.injectIntoFields(tokens, new TestInjector.MatchesType(Tokens.class));
    }
}
