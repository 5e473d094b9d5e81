package org.halocloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.halocloud.HaloIntegrationTest;
import org.halocloud.admin.cli.HaloAdmin;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** halo-admin, run in-process against the test server: what it prints and how it exits. */
class AdminCliTest extends HaloIntegrationTest {

    private record Run(int code, String out, String err) {
        JsonNode json(tools.jackson.databind.ObjectMapper mapper) {
            return mapper.readTree(out);
        }
    }

    private Run cli(String... args) {
        return cliWith(OPERATOR_TOKEN, "", args);
    }

    private Run cliWith(String token, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = HaloAdmin.run(args, Map.of("HALO_URL", "http://localhost:" + port, "HALO_ADMIN_TOKEN", token),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void onboardsIssuesSignsUpRotatesAndRevokes() throws Exception {
        String name = "Epsilon " + UUID.randomUUID().toString().substring(0, 8);
        Run added = cli("integrators", "add", name);
        assertThat(added.code()).as(added.err()).isZero();
        String id = added.json(mapper).path("id").asString();
        assertThat(added.json(mapper).path("name").asString()).isEqualTo(name);

        Run again = cli("integrators", "add", name);
        assertThat(again.code()).isEqualTo(HaloAdmin.REFUSED);
        assertThat(again.out()).isEmpty();
        assertThat(mapper.readTree(again.err()).path("error").path("status").asInt()).isEqualTo(409);

        assertThat(cli("integrators", "list").json(mapper).findValuesAsString("id")).contains(id);

        Run issued = cli("keys", "issue", id);
        assertThat(issued.code()).isZero();
        String key = issued.json(mapper).path("key").asString();
        String subscription = issued.json(mapper).path("subscriptionId").asString();
        assertThat(issued.json(mapper).path("environment").asString()).isEqualTo("demo");
        Run listed = cli("keys", "list", name);
        assertThat(listed.code()).isZero();
        assertThat(listed.out()).contains(subscription).contains(key.substring(key.length() - 4)).doesNotContain(key);

        String password = "cli-pw-" + UUID.randomUUID();
        Run signedUp = cliWith(OPERATOR_TOKEN, password + "\n", "vendor", "set", id, "zedmed", "EPSILON_ZM");
        assertThat(signedUp.code()).as(signedUp.err()).isZero();
        assertThat(signedUp.json(mapper).path("vendor").asString()).isEqualTo("zedmed");
        assertThat(integrators.vendorCredentials(UUID.fromString(id), "zedmed").orElseThrow().password()).isEqualTo(password);
        Run vendors = cli("vendor", "list", id);
        assertThat(vendors.out()).contains("EPSILON_ZM").doesNotContain(password);
        Run unknown = cliWith(OPERATOR_TOKEN, "pw\n", "vendor", "set", id, "no-such-vendor", "X");
        assertThat(unknown.code()).isEqualTo(HaloAdmin.REFUSED);
        assertThat(unknown.err()).contains("400");
        assertThat(cli("vendor", "set", id, "zedmed", "EPSILON_ZM").code()).as("no password on stdin")
                .isEqualTo(HaloAdmin.USAGE);

        Run rotated = cli("keys", "rotate", subscription);
        assertThat(rotated.code()).isZero();
        assertThat(rotated.json(mapper).path("subscriptionId").asString()).isEqualTo(subscription);
        String newKey = rotated.json(mapper).path("key").asString();
        assertThat(get("/integrator/sites/" + site("bp-premier").haloGuid(), key).statusCode()).isEqualTo(401);
        assertThat(integrators.findByKey(newKey)).isPresent();

        Run revoked = cli("keys", "revoke", subscription);
        assertThat(revoked.code()).isZero();
        assertThat(revoked.out()).isEmpty();
        assertThat(get("/integrator/sites/" + site("bp-premier").haloGuid(), newKey).statusCode()).isEqualTo(401);
        assertThat(cli("keys", "rotate", subscription).code()).isEqualTo(HaloAdmin.REFUSED);
    }

    @Test
    void setsAWebhookWithTheSecretFromStdin() {
        String subscription = integrators.findByKey(acme()).orElseThrow().id().toString();
        String secret = "cli-webhook-secret-" + UUID.randomUUID();
        assertThat(cliWith(OPERATOR_TOKEN, secret + "\n", "webhook", "set", subscription,
                "https://hooks.example.com/{source}/{queryId}").code()).isZero();
        Run shown = cli("webhook", "show", subscription);
        assertThat(shown.code()).isZero();
        assertThat(shown.out()).contains("https://hooks.example.com/{source}/{queryId}").doesNotContain(secret);
        assertThat(cli("webhook", "remove", subscription).code()).isZero();
        assertThat(cli("webhook", "show", subscription).code()).isEqualTo(HaloAdmin.REFUSED);
    }

    @Test
    void listsQueryMetadataPageByPage() throws Exception {
        String key = acme();
        String guid = site("bp-premier").haloGuid();
        String first = json(sql(guid, key, "SELECT 1 AS cli_marker")).path("id").asString();
        String second = json(sql(guid, key, "SELECT 2 AS cli_marker")).path("id").asString();

        String subscription = integrators.findByKey(key).orElseThrow().id().toString();
        Run page = cli("queries", "--integrator", "Acme Health", "--subscription", subscription, "--site", guid,
                "--limit", "1");
        assertThat(page.code()).as(page.err()).isZero();
        JsonNode body = page.json(mapper);
        assertThat(body.path("queries").size()).isEqualTo(1);
        assertThat(body.path("queries").get(0).path("id").asString()).isEqualTo(second);
        assertThat(page.out()).doesNotContain("cli_marker");
        Run next = cli("queries", "--subscription", subscription, "--limit", "1", "--cursor", body.path("next").asString());
        assertThat(next.json(mapper).path("queries").get(0).path("id").asString()).isEqualTo(first);
        assertThat(next.json(mapper).path("next").isNull()).isTrue();

        assertThat(cli("queries", "--limit", "0").code()).isEqualTo(HaloAdmin.REFUSED);
        assertThat(cli("queries", "--bogus", "1").code()).isEqualTo(HaloAdmin.USAGE);
    }

    @Test
    void aWrongTokenOrAnIntegratorKeyIsRefused() {
        Run wrong = cliWith("not-the-operator", "", "integrators", "list");
        assertThat(wrong.code()).isEqualTo(HaloAdmin.REFUSED);
        assertThat(wrong.err()).contains("401");
        assertThat(cliWith(acme(), "", "integrators", "list").code()).isEqualTo(HaloAdmin.REFUSED);
        assertThat(cli("keys", "issue").code()).isEqualTo(HaloAdmin.USAGE);
    }
}
