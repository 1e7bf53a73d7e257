package io.fleetsync.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Discovery shared between clusters by ETag, decided from values: what is asked, what is reused, what is not. */
class DiscoveryReaderTest {
    private static final String HASH_A = "\"" + "A1".repeat(64) + "\"";
    private static final String HASH_B = "\"" + "B2".repeat(64) + "\"";

    @Test
    void aSecondClusterServingTheSameDocumentsIsAskedWithTheirEtagsAndSharesOneDiscovery() {
        var memo = new DiscoveryMemo();
        var first = new Server(HASH_A, "Widget");
        var second = new Server(HASH_A, "Widget");

        var d1 = new DiscoveryReader(memo).read(first);
        var d2 = new DiscoveryReader(memo).read(second);

        assertThat(first.askedWith).containsExactly(null, null);
        assertThat(second.askedWith).containsExactly(HASH_A, HASH_A);
        assertThat(second.sent).as("304 both times").isZero();
        assertThat(d2).isSameAs(d1);
        assertThat(d2.find("example.com/v1", "Widget")).isPresent();
    }

    @Test
    void aClusterServingAnotherDocumentIsReadOnItsOwnAndNotConfusedWithTheFirst() {
        var memo = new DiscoveryMemo();
        new DiscoveryReader(memo).read(new Server(HASH_A, "Widget"));
        var other = new Server(HASH_B, "Gadget");

        var d = new DiscoveryReader(memo).read(other);

        assertThat(other.askedWith).containsExactly(HASH_A, HASH_A);
        assertThat(other.sent).isEqualTo(2);
        assertThat(d.find("example.com/v1", "Gadget")).isPresent();
        assertThat(d.find("example.com/v1", "Widget")).isEmpty();
    }

    @Test
    void withTwoKindsOfClustersEachIsAskedWithTheDocumentMostClustersServedAndASecondCopyIsNotKept() {
        var memo = new DiscoveryMemo();
        new DiscoveryReader(memo).read(new Server(HASH_A, "Widget"));
        new DiscoveryReader(memo).read(new Server(HASH_A, "Widget"));
        var firstB = new Server(HASH_B, "Gadget");
        var secondB = new Server(HASH_B, "Gadget");
        var thirdA = new Server(HASH_A, "Widget");

        var b1 = new DiscoveryReader(memo).read(firstB);
        var b2 = new DiscoveryReader(memo).read(secondB);
        new DiscoveryReader(memo).read(thirdA);

        assertThat(secondB.askedWith).as("A was served twice, B once").containsExactly(HASH_A, HASH_A);
        assertThat(b2).as("B's documents and discovery kept once").isSameAs(b1);
        assertThat(thirdA.askedWith).as("A still served by most, though B came last").containsExactly(HASH_A, HASH_A);
        assertThat(thirdA.sent).isZero();
    }

    @Test
    void anEtagThatIsNotAContentHashIsNeverSentToAnotherCluster() {
        var memo = new DiscoveryMemo();
        new DiscoveryReader(memo).read(new Server("\"17\"", "Widget"));
        var next = new Server("\"17\"", "Gadget");

        var d = new DiscoveryReader(memo).read(next);

        assertThat(next.askedWith).containsExactly(null, null);
        assertThat(d.find("example.com/v1", "Gadget")).isPresent();
        // Positive control: the same servers with content-hash ETags are asked with the first one's.
        var shared = new DiscoveryMemo();
        new DiscoveryReader(shared).read(new Server(HASH_A, "Widget"));
        var control = new Server(HASH_A, "Widget");
        new DiscoveryReader(shared).read(control);
        assertThat(control.askedWith).containsExactly(HASH_A, HASH_A);
    }

    @Test
    void aNotModifiedAnswerToAQuestionNeverAskedIsAnError() {
        var confused = new Server(HASH_A, "Widget") {
            @Override
            public Revalidated getUnlessMatch(String path, String accept, String etag) {
                return new Revalidated.NotModified();
            }
        };

        assertThatThrownBy(() -> new DiscoveryReader().read(confused))
                .isInstanceOf(ApiException.class).hasMessageContaining("304 Not Modified");
    }

    /** An API server whose /api is empty and whose /apis serves one kind, both under the given ETag. */
    private static class Server extends UnexpectedRequests {
        final List<String> askedWith = new ArrayList<>();
        final String etag;
        final String kind;
        int sent;

        Server(String etag, String kind) {
            this.etag = etag;
            this.kind = kind;
        }

        @Override
        public Revalidated getUnlessMatch(String path, String accept, String ifNoneMatch) {
            askedWith.add(ifNoneMatch);
            if (etag.equals(ifNoneMatch)) {
                return new Revalidated.NotModified();
            }
            sent++;
            var items = path.equals("/apis") ? List.of(Map.of("metadata", Map.of("name", "example.com"),
                    "versions", List.of(Map.of("version", "v1", "resources", List.of(Map.of("resource",
                            kind.toLowerCase() + "s", "scope", "Namespaced", "responseKind",
                            Map.of("kind", kind)))))))
                    : List.of();
            return new Revalidated.Fresh(Map.of("kind", "APIGroupDiscoveryList", "items", items),
                    Optional.of(etag));
        }
    }
}
