package io.fleetsync.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The PKCS12 rounds: set once at start-up (see ClusterConnectorTest), never by building a connector. */
class KeyStoreRoundsTest {

    @Test
    void oneRoundUnlessTheUserChoseACount() {
        var unset = new Properties();
        assertThat(KeyStoreRounds.apply(unset)).isTrue();
        assertThat(unset.getProperty(KeyStoreRounds.PROPERTY)).isEqualTo("1");

        var chosen = new Properties();
        chosen.setProperty(KeyStoreRounds.PROPERTY, "20000");
        assertThat(KeyStoreRounds.apply(chosen)).isFalse();
        assertThat(chosen.getProperty(KeyStoreRounds.PROPERTY)).isEqualTo("20000");
    }

    @Test
    void buildingAConnectorChangesNoSystemProperty() {
        var before = System.getProperty(KeyStoreRounds.PROPERTY);
        var vertx = Vertx.vertx();
        try {
            System.clearProperty(KeyStoreRounds.PROPERTY);
            var snapshot = new Properties();
            snapshot.putAll(System.getProperties());

            new ClusterConnector(vertx);

            assertThat(System.getProperty(KeyStoreRounds.PROPERTY)).isNull();
            assertThat(System.getProperties()).isEqualTo(snapshot);
        } finally {
            vertx.close();
            if (before != null) System.setProperty(KeyStoreRounds.PROPERTY, before);
        }
    }
}
