package org.registry.app;

import org.registry.platform.test.TestSchemaInitializer;
import org.springframework.test.context.TestPropertySource;

/** {@link ReportRevisionsApiTest} on the embedded default: the H2 file database the service runs on out of the box. */
@TestPropertySource(properties = TestSchemaInitializer.DATABASE + "=embedded")
class ReportRevisionsOnEmbeddedDefaultTest extends ReportRevisionsApiTest {
}
