package io.obrestore.support;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Requests to the service's management interface (probes, metrics), which listens on a port of its own. */
public final class Management {

    private Management() {
    }

    /** RestAssured pointed at the management port of the service under test. */
    public static RequestSpecification management() {
        return given().port(MariaDbTestResource.managementPort());
    }
}
