package io.obrestore.restore;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.obrestore.support.AuthEnabledProfile;
import io.obrestore.support.Json;
import io.obrestore.support.MariaDbTestResource;
import io.obrestore.support.ObshellSdkHeaders;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** The log-stream endpoint behind obshell's authentication, exactly as the overview: same headers, same errors. */
@QuarkusTest
@TestProfile(AuthEnabledProfile.class)
@WithTestResource(MariaDbTestResource.class)
class RestoreLogStreamsAuthTest {

    private static final String PATH = "/api/v1/tenant/rt_failed/restore/log-streams";

    private static ObshellSdkHeaders sdk() throws Exception {
        String key = Json.parse(given().get("/api/v1/secret").then().statusCode(200).extract().asString())
                .get("data").get("public_key").asText();
        return new ObshellSdkHeaders(key);
    }

    @Test
    void theSdksHeadersOpenItAndNothingElseDoes() throws Exception {
        ObshellSdkHeaders sdk = sdk();
        Response missing = given().get(PATH);
        assertEquals(400, missing.statusCode());
        assertEquals("Request.Header.NotFound", Json.parse(missing.asString()).get("error").get("errCode").asText());

        Response wrong = given().header("X-OCS-Header", sdk.go("wrong", PATH)).get(PATH);
        assertEquals(401, wrong.statusCode());
        assertEquals("Security.Authentication.IncorrectOceanbasePassword",
                Json.parse(wrong.asString()).get("error").get("errCode").asText());

        for (String header : new String[] {sdk.go(AuthEnabledProfile.PASSWORD, PATH),
                sdk.python(AuthEnabledProfile.PASSWORD, PATH)}) {
            Response answered = given().header("X-OCS-Header", header).get(PATH);
            assertEquals(200, answered.statusCode(), answered.asString());
            JsonNode data = Json.parse(answered.asString()).get("data");
            assertEquals("OB_ERR_UNEXPECTED", data.get("log_streams").get(0).get("result_name").asText());
        }
        Response agent = given().header("X-OCS-Agent-Header", sdk.python(AuthEnabledProfile.AGENT_PASSWORD, PATH))
                .get(PATH);
        assertEquals(200, agent.statusCode(), agent.asString());
    }
}
