package io.fleetsync.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fleetsync.fleet.FleetLoader;
import io.fleetsync.input.InputException;
import io.fleetsync.manifest.DesiredStateLoader;
import io.fleetsync.ops.Shard;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Target and shard selection of the reconcile service, from a fleet file on disk; no cluster involved. */
class FleetInputsTest {
    private static final Path DIR = Path.of("src/test/resources/manifest");
    private static final Path FLEET = DIR.resolve("good/fleet.yaml");
    private final FleetInputs inputs = new FleetInputs(new FleetLoader(Map.of(), DIR), new DesiredStateLoader());

    private static FleetInput targets(String... names) {
        return new FleetInput(FLEET, Set.of(), Set.of(names));
    }

    @Test
    void anUnknownTargetIsAnInputErrorNamingTheFleetFileAndTheKnownTargets() {
        var e = catchThrowableOfType(InputException.class, () -> inputs.load(targets("apps", "base")));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(FLEET);
            assertThat(p.message()).isEqualTo("no target named 'apps' in the fleet (targets: base, crds)");
        });
    }

    @Test
    void aTargetFilterKeepsOnlyItsTargetsAndRemembersWhatTheOthersRender() throws InputException {
        var all = inputs.load(targets());
        var crds = inputs.load(targets("crds"));

        assertThat(all.clusters()).extracting(c -> c.cluster().name()).containsExactly("prod-eu", "prod-us", "dev-eu");
        assertThat(crds.clusters()).extracting(c -> c.cluster().name()).containsExactly("prod-eu", "prod-us", "dev-eu");
        assertThat(crds.clusters().get(0).targets()).extracting(t -> t.target().name()).containsExactly("crds");
        // dev-eu keeps no target but stays: crds left it, and its leftovers there are this run's to prune.
        assertThat(crds.clusters().get(2).targets()).isEmpty();
        assertThat(crds.clusters().get(2).membership().departed()).extracting(d -> d.target().name())
                .containsExactly("crds");
        // What base renders there is known, so pruning crds never deletes an object that moved to base.
        var base = all.clusters().get(0).targets().stream().filter(t -> t.target().name().equals("base")).findFirst()
                .orElseThrow();
        assertThat(crds.clusters().get(0).renderedByOtherTargets())
                .containsAll(base.objects().stream().map(o -> o.key()).toList())
                .isNotEmpty();
    }

    @Test
    void shardsSplitTheSelectedClustersWithoutOverlapAndWithoutGaps() throws InputException {
        var fleet = inputs.load(targets());
        var whole = Reconciler.selectShard(fleet, Requests.of(Mode.PLAN, Set.of(), targets(), Optional.empty()));
        var first = Reconciler.selectShard(fleet, Requests.of(Mode.PLAN, Set.of(), targets(),
                Optional.of(new Shard(0, 2))));
        var second = Reconciler.selectShard(fleet, Requests.of(Mode.PLAN, Set.of(), targets(),
                Optional.of(new Shard(1, 2))));

        assertThat(whole).isSameAs(fleet);
        var names = new java.util.ArrayList<String>();
        first.clusters().forEach(c -> names.add(c.cluster().name()));
        second.clusters().forEach(c -> names.add(c.cluster().name()));
        assertThat(names).containsExactlyInAnyOrder("prod-eu", "prod-us", "dev-eu");
        assertThat(first.clusters()).isNotEmpty();
        assertThat(second.clusters()).isNotEmpty();
    }
}
