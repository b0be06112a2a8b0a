package org.advising.eligibility.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The contract examples again, against the packaged application (target/quarkus-app) as operators run it. */
@QuarkusIntegrationTest
class ContractExamplesIT extends ContractExamplesTest {
}
