package org.registry.platform.processing;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every read and write of Axon's token table that Axon's own {@code JdbcTokenStore} does not do for us: the one place
 * that knows its table, its columns and how a stored token is deserialized. The table itself is made by the event
 * store's Flyway migration ({@code db/eventstore}); {@link #SCHEMA} is what Axon's token store is told it looks like.
 * {@code AxonTokensTest} fails when the Axon version in the build stores tokens differently.
 */
public class AxonTokens {

    /** Axon's token table in snake_case, as the event store's migration creates it. */
    public static final TokenSchema SCHEMA = TokenSchema.builder()
                                                        .setTokenTable("token_entry")
                                                        .setProcessorNameColumn("processor_name")
                                                        .setSegmentColumn("segment")
                                                        .setTokenColumn("token")
                                                        .setTokenTypeColumn("token_type")
                                                        .setTimestampColumn("time_stamp")
                                                        .setOwnerColumn("owner")
                                                        .build();

    private static final String TABLE = SCHEMA.tokenTable();
    private static final String PROCESSOR = SCHEMA.processorNameColumn();
    private static final String SEGMENT = SCHEMA.segmentColumn();
    private static final String TOKEN = SCHEMA.tokenColumn();
    private static final String TYPE = SCHEMA.tokenTypeColumn();
    private static final String TIME = SCHEMA.timestampColumn();
    private static final String OWNER = SCHEMA.ownerColumn();

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public AxonTokens(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The stored tokens of every segment of every processor, by processor (in one read of the table). */
    public Map<String, List<TrackingToken>> all() {
        Map<String, List<TrackingToken>> tokens = new HashMap<>();
        jdbc.query("SELECT " + PROCESSOR + ", " + TOKEN + ", " + TYPE + " FROM " + TABLE + " ORDER BY " + PROCESSOR
                        + ", " + SEGMENT,
                row -> {
                    tokens.computeIfAbsent(row.getString(PROCESSOR), name -> new ArrayList<>())
                          .add(token(row.getString(TOKEN), row.getString(TYPE)));
                });
        return tokens;
    }

    /** The stored tokens of every segment of a processor, by segment; empty before it first started. */
    public List<TrackingToken> of(String processor) {
        return read(TABLE, processor);
    }

    /** The same, from the token table of another schema (a projection's shadow). */
    public List<TrackingToken> of(String schema, String processor) {
        return read(quote(schema) + "." + TABLE, processor);
    }

    /** How many segments the processor has stored; 0 before it first started. */
    public int segments(String processor) {
        Integer segments = jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE + " WHERE " + PROCESSOR + " = ?",
                Integer.class, processor);
        return segments == null ? 0 : segments;
    }

    /**
     * Marks every unclaimed segment of the processor as held by {@code owner}, so that no node claims it until
     * {@link #release} (or Axon's claim timeout).
     *
     * @return whether every segment was unclaimed, and so is fenced now
     */
    public boolean fence(String processor, String owner) {
        int fenced = jdbc.update("UPDATE " + TABLE + " SET " + OWNER + " = ?, " + TIME + " = ? WHERE " + PROCESSOR
                + " = ? AND " + OWNER + " IS NULL", owner, DateTimeUtils.formatInstant(Instant.now()), processor);
        return fenced == segments(processor);
    }

    /** Who holds the processor's segments, each owner once. */
    public List<String> owners(String processor) {
        return jdbc.queryForList("SELECT DISTINCT " + OWNER + " FROM " + TABLE + " WHERE " + PROCESSOR + " = ? AND "
                + OWNER + " IS NOT NULL ORDER BY " + OWNER, String.class, processor);
    }

    /** Frees the segments of the processor that {@code owner} holds. */
    public void release(String processor, String owner) {
        jdbc.update("UPDATE " + TABLE + " SET " + OWNER + " = NULL WHERE " + PROCESSOR + " = ? AND " + OWNER + " = ?",
                processor, owner);
    }

    /**
     * The processor's tokens in schema {@code to} replaced by its tokens in schema {@code from}, unclaimed, in the
     * caller's transaction.
     *
     * @return how many segments were copied
     */
    public int copy(String processor, String from, String to) {
        String target = quote(to) + "." + TABLE;
        jdbc.update("DELETE FROM " + target + " WHERE " + PROCESSOR + " = ?", processor);
        String columns = PROCESSOR + ", " + SEGMENT + ", " + TOKEN + ", " + TYPE + ", " + TIME;
        return jdbc.update("INSERT INTO " + target + " (" + columns + ", " + OWNER + ") SELECT " + columns + ", NULL FROM "
                + quote(from) + "." + TABLE + " WHERE " + PROCESSOR + " = ?", processor);
    }

    private List<TrackingToken> read(String table, String processor) {
        return jdbc.query("SELECT " + TOKEN + ", " + TYPE + " FROM " + table + " WHERE " + PROCESSOR + " = ? ORDER BY "
                + SEGMENT, (rs, row) -> token(rs.getString(TOKEN), rs.getString(TYPE)), processor);
    }

    private TrackingToken token(String token, String type) {
        return token == null ? null : serializer.deserialize(
                new SimpleSerializedObject<>(token, String.class, new SimpleSerializedType(type, null)));
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
