package org.registry.platform.processing;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenTableFactory;
import org.axonframework.serialization.Serializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registry.platform.eventstore.EventStoreConfiguration;
import org.registry.platform.migration.SchemaMigrations;
import org.registry.platform.migration.SchemaMigrator;
import org.registry.platform.test.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link AxonTokens} against the Axon version in the build, <b>Axon 4.13.0</b>: the token table the event store's
 * Flyway migration creates is the one Axon's {@code JdbcTokenStore} expects for {@link AxonTokens#SCHEMA}, and tokens
 * Axon stores there read back through the adapter. When Axon is upgraded, the first test fails on purpose: check
 * Axon's token table and token classes against the migration and this adapter, then move the version here.
 */
class AxonTokensTest {

    /** The Axon version this adapter was checked against. */
    private static final String AXON_VERSION = "4.13.0";

    private final Serializer serializer = EventStoreConfiguration.storageSerializer();
    private TestDatabase.Schema schema;
    private DriverManagerDataSource dataSource;
    private JdbcTemplate jdbc;
    private AxonTokens tokens;
    private TokenStore axon;

    @BeforeEach
    void setUp() {
        schema = TestDatabase.newSchema();
        dataSource = new DriverManagerDataSource(schema.url(), schema.user(), schema.password());
        new SchemaMigrator(dataSource, List.of(SchemaMigrations.EVENT_STORE)).afterPropertiesSet();
        jdbc = new JdbcTemplate(dataSource);
        tokens = new AxonTokens(jdbc, serializer);
        axon = EventStoreConfiguration.tokenStore(dataSource::getConnection, serializer, Duration.ofSeconds(10));
    }

    @AfterEach
    void tearDown() {
        schema.drop();
    }

    @Test
    void theBuildRunsTheAxonVersionTheAdapterWasCheckedAgainst() throws IOException {
        Properties axonMessaging = new Properties();
        try (InputStream pom = TokenStore.class.getResourceAsStream(
                "/META-INF/maven/org.axonframework/axon-messaging/pom.properties")) {
            assertThat(pom).as("axon-messaging's pom.properties").isNotNull();
            axonMessaging.load(pom);
        }
        assertThat(axonMessaging.getProperty("version"))
                .as("Axon was upgraded: check its token table and token classes against db/eventstore and AxonTokens"
                        + " (the other tests here), then set AXON_VERSION")
                .isEqualTo(AXON_VERSION);
    }

    @Test
    void flywayCreatesTheTokenTableAxonsTokenStoreExpects() throws SQLException {
        String axonsOwn = schema.name() + "_axon";
        // PostgreSQL's flavour of Axon's table: the tests run on PostgreSQL, or on H2 in its PostgreSQL mode.
        TokenTableFactory factory = PostgresTokenTableFactory.INSTANCE;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + axonsOwn);
            String flyways = connection.getSchema();
            connection.setSchema(axonsOwn);
            factory.createTable(connection, AxonTokens.SCHEMA).execute();
            connection.setSchema(flyways);

            assertThat(columns(connection.getMetaData(), flyways))
                    .isEqualTo(columns(connection.getMetaData(), axonsOwn))
                    .containsKeys(AxonTokens.SCHEMA.processorNameColumn(), AxonTokens.SCHEMA.segmentColumn(),
                            AxonTokens.SCHEMA.tokenColumn(), AxonTokens.SCHEMA.tokenTypeColumn(),
                            AxonTokens.SCHEMA.timestampColumn(), AxonTokens.SCHEMA.ownerColumn());
            assertThat(primaryKey(connection.getMetaData(), flyways))
                    .isEqualTo(primaryKey(connection.getMetaData(), axonsOwn))
                    .containsExactlyInAnyOrder(AxonTokens.SCHEMA.processorNameColumn(),
                            AxonTokens.SCHEMA.segmentColumn());
        } finally {
            jdbc.execute("DROP SCHEMA IF EXISTS " + axonsOwn + " CASCADE");
        }
    }

    @Test
    void tokensAxonStoresReadBackThroughTheAdapter() {
        TrackingToken replay = ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(41, Set.of(17L)),
                GapAwareTrackingToken.newInstance(12, Set.of()));
        TrackingToken plain = new GlobalSequenceTrackingToken(40);
        axon.initializeTokenSegments("people", 2);
        axon.storeToken(replay, "people", 0);
        axon.storeToken(plain, "people", 1);
        axon.initializeTokenSegments("other", 1, new GlobalSequenceTrackingToken(3));

        assertThat(tokens.of("people")).containsExactly(replay, plain);
        assertThat(tokens.of(schemaOf(), "people")).containsExactly(replay, plain);
        assertThat(tokens.all()).containsOnlyKeys("people", "other");
        assertThat(tokens.all().get("other")).containsExactly(new GlobalSequenceTrackingToken(3));
        assertThat(tokens.segments("people")).isEqualTo(2);
        assertThat(tokens.segments("nobody")).isZero();
        assertThat(ProcessorPositions.position(tokens.of("people").get(0))).isEqualTo(12);
    }

    @Test
    void aFenceKeepsAxonFromClaimingUntilReleased() {
        axon.initializeTokenSegments("people", 2);

        assertThat(tokens.fence("people", "projection-swap")).isTrue();
        assertThat(tokens.owners("people")).containsExactly("projection-swap");
        assertThatThrownBy(() -> axon.fetchToken("people", 1)).isInstanceOf(UnableToClaimTokenException.class);

        tokens.release("people", "projection-swap");
        assertThat(tokens.owners("people")).isEmpty();
        assertThat(axon.fetchToken("people", 1)).isNull();
    }

    @Test
    void aSegmentAxonHoldsCannotBeFenced() {
        axon.initializeTokenSegments("people", 2);
        axon.fetchToken("people", 0);

        assertThat(tokens.fence("people", "projection-swap")).isFalse();
        assertThat(tokens.owners("people")).hasSize(2).contains("projection-swap");
    }

    @Test
    void copyReplacesTheTokensOfOneProcessorInAnotherSchema() {
        String other = schema.name() + "_copy";
        try {
            Flyway.configure().dataSource(dataSource).schemas(other).defaultSchema(other)
                  .locations(SchemaMigrations.EVENT_STORE.location()).load().migrate();
            axon.initializeTokenSegments("people", 2, new GlobalSequenceTrackingToken(5));
            axon.initializeTokenSegments("other", 1, new GlobalSequenceTrackingToken(9));
            axon.fetchToken("people", 0);
            jdbc.update("INSERT INTO " + other + ".token_entry (processor_name, segment, token, token_type) "
                    + "VALUES ('people', 7, NULL, NULL)");

            assertThat(tokens.copy("people", schemaOf(), other)).isEqualTo(2);

            assertThat(tokens.of(other, "people")).containsExactly(new GlobalSequenceTrackingToken(5),
                    new GlobalSequenceTrackingToken(5));
            assertThat(tokens.of(other, "other")).isEmpty();
            assertThat(jdbc.queryForList("SELECT owner FROM " + other + ".token_entry", String.class))
                    .containsOnlyNulls();
        } finally {
            jdbc.execute("DROP SCHEMA IF EXISTS " + other + " CASCADE");
        }
    }

    private String schemaOf() {
        return jdbc.execute((Connection connection) -> connection.getSchema());
    }

    /** Each column of the token table, with whether it may be null. */
    private static TreeMap<String, Boolean> columns(DatabaseMetaData metaData, String schema) throws SQLException {
        TreeMap<String, Boolean> columns = new TreeMap<>();
        try (ResultSet rows = metaData.getColumns(null, schema, AxonTokens.SCHEMA.tokenTable(), null)) {
            while (rows.next()) {
                columns.put(rows.getString("COLUMN_NAME"), rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls);
            }
        }
        return columns;
    }

    private static Set<String> primaryKey(DatabaseMetaData metaData, String schema) throws SQLException {
        Set<String> columns = new TreeSet<>();
        try (ResultSet rows = metaData.getPrimaryKeys(null, schema, AxonTokens.SCHEMA.tokenTable())) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME"));
            }
        }
        return columns;
    }
}
