package io.obrestore.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The service started with a database password the server refuses. */
public class WrongDatabasePasswordProfile implements QuarkusTestProfile {

    public static final String WRONG_PASSWORD = "not-the-Pa55word-4-obrestore";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.password", WRONG_PASSWORD);
    }
}
