package io.obrestore.ops;

import io.obrestore.support.MariaDbTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The same assertions against the packaged artifact (the native binary with -Dnative). */
@QuarkusIntegrationTest
@TestProfile(ApiPortExposureTest.AuthWithGauges.class)
@WithTestResource(MariaDbTestResource.class)
class ApiPortExposureIT extends ApiPortExposureTest {
}
