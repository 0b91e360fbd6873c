package io.obrestore.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The service with both passwords set, as production runs it: a key of its own (clients fetch it from
 * {@code /api/v1/secret}, as the SDKs do).
 */
public class AuthEnabledProfile implements QuarkusTestProfile {

    public static final String PASSWORD = SpecVectors.PASSWORD;
    public static final String AGENT_PASSWORD = "agent-Pa55-word";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "obrestore.auth.password", PASSWORD,
                "obrestore.auth.agent-password", AGENT_PASSWORD,
                "obrestore.auth.required", "true");
    }
}
