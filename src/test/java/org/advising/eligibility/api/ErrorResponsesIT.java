package org.advising.eligibility.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The error table again, against the packaged application. */
@QuarkusIntegrationTest
class ErrorResponsesIT extends ErrorResponsesTest {
}
