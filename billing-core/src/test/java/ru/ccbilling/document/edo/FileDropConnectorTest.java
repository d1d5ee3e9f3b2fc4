package ru.ccbilling.document.edo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The file drop puts each file whole into the directory an operator's program watches, under the format's name. */
class FileDropConnectorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-05T07:15:30Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aSentFileLiesInTheDirectoryUnderItsNameWithNothingElseBesideIt() throws Exception {
        Path drop = dir.resolve("outbox");
        EdoFile file = new EdoFile("ON_NSCHFDOPPR_A_B_20260405_x_0_0_0_0_0_00", "<Файл/>".getBytes(Cp1251.CHARSET));
        EdoConnector.Receipt receipt = new FileDropConnector(drop, CLOCK).send(file);
        Path target = drop.resolve(file.fileName());
        assertThat(Files.readAllBytes(target)).isEqualTo(file.content());
        try (var listing = Files.list(drop)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly(file.fileName());
        }
        assertThat(receipt.fileId()).isEqualTo(file.id());
        assertThat(receipt.operatorId()).isEqualTo(target.toString());
        assertThat(receipt.sentAt().toInstant()).isEqualTo(CLOCK.instant());
    }

    @Test
    void sendingAgainReplacesTheFileWhole() throws Exception {
        FileDropConnector drop = new FileDropConnector(dir, CLOCK);
        drop.send(new EdoFile("ON_X", "первый, длинный".getBytes(Cp1251.CHARSET)));
        drop.send(new EdoFile("ON_X", "второй".getBytes(Cp1251.CHARSET)));
        assertThat(new String(Files.readAllBytes(dir.resolve("ON_X.xml")), Cp1251.CHARSET)).isEqualTo("второй");
        try (var listing = Files.list(dir)) {
            assertThat(listing).hasSize(1);
        }
    }

    @Test
    void theConnectorIsThereWhenTheDropDirectoryIsSetAndNotOtherwise() {
        ApplicationContextRunner context = new ApplicationContextRunner().withBean(Clock.class, () -> CLOCK)
                .withUserConfiguration(FileDropConnector.class);
        context.run(c -> assertThat(c).doesNotHaveBean(EdoConnector.class));
        context.withPropertyValues("ccbilling.edo.drop-dir=").run(c -> assertThat(c).doesNotHaveBean(EdoConnector.class));
        context.withPropertyValues("ccbilling.edo.drop-dir=" + dir).run(c -> {
            assertThat(c).hasSingleBean(EdoConnector.class);
            c.getBean(EdoConnector.class).send(new EdoFile("ON_Y", new byte[] {1}));
            assertThat(dir.resolve("ON_Y.xml")).exists();
        });
    }

    @Test
    void aNameThatIsNotAPlainFileNameIsRefused() {
        FileDropConnector drop = new FileDropConnector(dir, CLOCK);
        assertThatThrownBy(() -> drop.send(new EdoFile("../escape", new byte[0]))).isInstanceOf(IllegalArgumentException.class);
    }
}
