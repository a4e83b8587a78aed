package org.registry.app;

import org.junit.jupiter.api.BeforeEach;
import org.registry.platform.test.Api;
import org.registry.platform.test.RegistryTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** What the end-to-end API tests share: a running registry, its database, and its HTTP API. */
@RegistryTest
abstract class ApiScenario {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;

    @BeforeEach
    void connectToTheRegistry() {
        api = Api.at(port);
    }

    /** Sends the requests at once, each on a thread of its own; their answers, in the requests' order. */
    static List<Api.Response> atOnce(List<Callable<Api.Response>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> answer : pool.invokeAll(requests)) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
