package io.obrestore.dashboard;

import io.obrestore.support.MariaDbTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The dashboard's files and WebJars as the packaged service serves them (the fast-jar, or the native binary). */
@QuarkusIntegrationTest
@WithTestResource(MariaDbTestResource.class)
class DashboardResourcesIT extends DashboardResourcesTest {
}
