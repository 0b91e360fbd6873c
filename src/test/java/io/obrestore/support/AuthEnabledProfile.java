package io.obrestore.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The service with both passwords set and the test key of docs/auth-protocol.md §6, as all replicas would share it. */
public class AuthEnabledProfile implements QuarkusTestProfile {

    public static final String PASSWORD = SpecVectors.PASSWORD;
    public static final String AGENT_PASSWORD = "agent-Pa55-word";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "obrestore.auth.password", PASSWORD,
                "obrestore.auth.agent-password", AGENT_PASSWORD,
                "obrestore.auth.private-key", SpecVectors.PRIVATE_KEY_PKCS1,
                "obrestore.auth.required", "true");
    }
}
