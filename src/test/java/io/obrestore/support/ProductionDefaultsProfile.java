package io.obrestore.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The service with the production profile's defaults (no test-only settings such as the +08:00 zone), so a default
 * that only works because the test profile overrides it is caught. Only the database address (from the test
 * resource) and the key directory (kept inside target/) differ.
 */
public class ProductionDefaultsProfile implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return "prod";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("obrestore.auth.data-dir", "target/obrestore-prod-defaults-data");
    }
}
