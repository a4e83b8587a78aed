package org.registry.app;

import org.registry.platform.test.Api;

/** What the import tests share: {@link ApiScenario} and {@code POST /api/imports} with a file. */
abstract class ImportScenario extends ApiScenario {

    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    Api.Response post(String user, String query, String type, byte[] file) {
        return api.as(user).header("Content-Type", type).send("POST", "/api/imports" + query, file);
    }

    /** A CSV file sent as {@code user}. */
    Api.Response post(String user, String query, byte[] file) {
        return post(user, query, CSV, file);
    }

    /** How many events the store holds. */
    long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }
}
