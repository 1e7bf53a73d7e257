package io.fleetsync.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.fleet.Cluster;
import io.fleetsync.fleet.Connection;
import io.fleetsync.input.InputProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterTemplateTest {
    private static final Path FILE = Path.of("inline.yaml");
    private final Cluster cluster = new Cluster("prod-eu", Map.of("region", "eu", "tier", "gold"),
            new Connection.Kubeconfig(Path.of("kubeconfig"), "prod-eu", false));
    private final List<InputProblem> problems = new ArrayList<>();

    private String render(String text) {
        return new ClusterTemplate(cluster).render(FILE, text, problems);
    }

    @Test
    void rendersSeveralPlaceholdersOnOneLineWithOptionalSpaces() {
        assertThat(render("name: ${cluster.name}-${ cluster.labels.region }-${cluster.labels.tier}\n"))
                .isEqualTo("name: prod-eu-eu-gold\n");
    }

    @Test
    void doubleDollarIsALiteralPlaceholderStart() {
        assertThat(render("shell: echo $${HOME} $HOME $$ ${cluster.name}")).isEqualTo("shell: echo ${HOME} $HOME $$ prod-eu");
    }

    @Test
    void everyBadPlaceholderIsReportedWithLineAndColumn() {
        var rendered = render("a: 1\nb: ${cluster.labels.zone} ${env.HOME}\n");

        assertThat(rendered).isNull();
        assertThat(problems).extracting(InputProblem::line, InputProblem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 4), org.assertj.core.groups.Tuple.tuple(2, 27));
        assertThat(problems.get(0).message()).contains("cluster 'prod-eu' has no label 'zone'");
        assertThat(problems.get(1).message()).contains("unknown placeholder ${env.HOME}");
    }

    @Test
    void unterminatedPlaceholderStopsAtTheLineEnd() {
        assertThat(render("a: ${cluster.name\nb: }")).isNull();
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).startsWith("unterminated ${"));
    }
}
