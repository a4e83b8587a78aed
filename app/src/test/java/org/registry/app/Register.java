package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.registry.kernel.person.NationalId;
import org.registry.platform.test.Api;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Records facts over HTTP as a clerk would, for the tests of what is read back from them. */
final class Register {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Api api;
    private long last;

    Register(Api api) {
        this.api = api;
    }

    /** A valid national ID, unique within the test run (region 440305 is used by these tests only). */
    static String nationalId(String birthDate, String sex) {
        int sequence = SEQUENCE.incrementAndGet();
        String region = String.format("44%04d", 300 + sequence / 500);
        int digits = (sequence % 500) * 2 + ("MALE".equals(sex) ? 1 : 0);
        String first17 = region + birthDate.replace("-", "") + String.format("%03d", digits);
        return first17 + NationalId.checkCharacter(first17);
    }

    /**
     * A county of a test's own, by chance (in {@code province}, no level of zeros), so that what is read in it is
     * that test's alone.
     */
    static String countyOfItsOwn(int province) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("%02d%02d%02d", province, 1 + random.nextInt(99), 1 + random.nextInt(99));
    }

    /** The position of the last event recorded through this register. */
    long last() {
        return last;
    }

    Api.Response post(String user, String path, Map<String, ?> body, int status) {
        Api.Response response = api.as(user).post(path, body).expect(status);
        response.header("X-Event-Position").ifPresent(position -> last = Math.max(last, Long.parseLong(position)));
        return response;
    }

    String household(String community, String address, String date) {
        return post("clerk", "/api/households", Map.of("communityCode", community, "address", address,
                "kind", "REGISTERED", "date", date), 201).field("householdId");
    }

    static Map<String, Object> person(String household, String name, String sex, String birthDate, String relation,
                                      String residentSince) {
        Map<String, Object> body = new HashMap<>();
        body.put("nationalId", nationalId(birthDate, sex));
        body.put("name", name);
        body.put("sex", sex);
        body.put("birthDate", birthDate);
        body.put("householdId", household);
        body.put("relationToHead", relation);
        body.put("residency", "PERMANENT");
        body.put("residentSince", residentSince);
        return body;
    }

    String register(Map<String, Object> person) {
        return post("clerk", "/api/persons", person, 201).field("personId");
    }

    /** A read as {@code user} once the read side has handled everything recorded here. */
    JsonNode read(String user, String path) {
        return api.as(user).header("X-Min-Event-Position", Long.toString(last)).get(path).expect(200).json();
    }
}
