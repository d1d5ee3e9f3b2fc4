package ru.ccbilling.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.utils.KieHelper;

/**
 * Tariff models are data: each model of the hostile corpus ({@code src/test/resources/hostile}) says in its header
 * what it tries and which construct on which line must be refused. Validation refuses it with that construct and
 * line, compilation refuses it, and nothing it tried happened.
 */
class HostileModelsTest {

    static final Path CANARY = Path.of("/tmp/ccbilling-hostile-canary");
    private static final Pattern EXPECT = Pattern.compile("expect: (.+) @ line (\\d+)");

    private final TariffCompiler compiler = new TariffCompiler();

    record Hostile(String name, String content, String construct, int line) {
        @Override
        public String toString() {
            return name;
        }

        TariffModel model() {
            return new TariffModel(name, TariffModel.kindOf(name), content);
        }
    }

    static Stream<Hostile> corpus() throws IOException, URISyntaxException {
        Path folder = Path.of(HostileModelsTest.class.getClassLoader().getResource("hostile").toURI());
        List<Hostile> models = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                Matcher expect = EXPECT.matcher(content);
                if (!expect.find() || !content.contains("tries: ")) {
                    throw new AssertionError(file + " must say what it tries and what is expected");
                }
                models.add(new Hostile(file.getFileName().toString(), content, expect.group(1),
                        Integer.parseInt(expect.group(2))));
            }
        }
        assertThat(models).hasSizeGreaterThan(40);
        return models.stream();
    }

    /** the shipped tariff with the hostile model in place of its rules (DRL) or of its marking fee table (DMN) */
    private static List<TariffModel> shippedWith(Hostile hostile) {
        String replaced = hostile.model().kind() == TariffModel.Kind.DRL ? "call-lines.drl" : "marking-fee.dmn";
        List<TariffModel> models = new ArrayList<>(ShippedTariff.models());
        models.replaceAll(m -> m.name().equals(replaced) ? hostile.model() : m);
        return models;
    }

    @BeforeEach
    void noCanary() throws IOException {
        Files.deleteIfExists(CANARY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedByValidationWithItsConstructAndLine(Hostile hostile) {
        List<ModelMessage> messages = compiler.validate(List.of(hostile.model()));
        assertThat(messages).as("refusals of %s", hostile).anySatisfy(m -> {
            assertThat(m.model()).isEqualTo(hostile.name());
            assertThat(m.severity()).isEqualTo(ModelMessage.Severity.ERROR);
            assertThat(m.message()).startsWith("not allowed in a tariff model: ").contains(hostile.construct());
            if (hostile.model().kind() == TariffModel.Kind.DRL) {
                assertThat(m.location()).startsWith("line " + hostile.line() + ",");
            } else {
                assertThat(m.message()).contains(" at line " + hostile.line() + " ");
            }
        });
        assertThat(CANARY).as("the model did not run").doesNotExist();
    }

    /** the door the checks close: KIE alone compiles and runs the file-writing rule */
    @Test
    void withoutTheChecksTheFileWritingRuleWouldRun() throws Exception {
        Hostile fileWrite = corpus().filter(h -> h.name().equals("file-write-nio.drl")).findFirst().orElseThrow();
        KieSession session = new KieHelper().addContent(fileWrite.content(), ResourceType.DRL).build().newKieSession();
        try {
            session.insert(new Call("INBOUND_800", 60, false, 60));
            session.insert(new Rate("NETWORK", null, BigDecimal.ONE, "test"));
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        assertThat(CANARY).as("the corpus is real").exists();
        Files.delete(CANARY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void neverReachesKieSoNothingItTriesHappens(Hostile hostile) {
        assertThatThrownBy(() -> compiler.compile(shippedWith(hostile)))
                .isInstanceOfSatisfying(TariffCompilationException.class, e -> assertThat(e.messages())
                        .filteredOn(m -> m.model().equals(hostile.name()))
                        .as("only the check speaks of the model: KIE never read it")
                        .isNotEmpty()
                        .allSatisfy(m -> assertThat(m.message()).startsWith("not allowed in a tariff model: ")));
        assertThat(CANARY).doesNotExist();
    }
}
