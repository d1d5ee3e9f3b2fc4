package ru.ccbilling.cdrimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An equipment file is read line by line: a line CSV cannot read spoils only itself, numbers are an editor's. */
class EquipmentFileTest {

    @TempDir
    Path dir;

    private List<CsvLine> read(String content, boolean header) throws IOException {
        Path file = dir.resolve("f.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        List<CsvLine> out = new ArrayList<>();
        try (EquipmentFile lines = new EquipmentFile(file, ',', header)) {
            for (CsvLine line = lines.next(); line != null; line = lines.next()) {
                out.add(line);
            }
        }
        assertThat(EquipmentFile.countRecords(file, header)).isEqualTo(out.size());
        return out;
    }

    @Test
    void quotedFieldsBlankLinesAndAByteOrderMark() throws IOException {
        List<CsvLine> lines = read("\uFEFF\"a\",\"\"\"Иван\"\" <7916>\",3\r\n\n  \n\"b\",\"x,y\",4\n", false);
        assertThat(lines).extracting(CsvLine::number).containsExactly(1L, 4L);
        assertThat(lines.get(0).values()).containsExactly("a", "\"Иван\" <7916>", "3");
        assertThat(lines.get(1).values()).containsExactly("b", "x,y", "4");
        assertThat(lines.get(1).value(7)).isEmpty();
    }

    @Test
    void anUnclosedQuoteSpoilsOnlyItsLine() throws IOException {
        List<CsvLine> lines = read("\"a\",1\n\"b,2\n\"c\",3\n", false);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1).unreadable().russian()).startsWith("нечитаемый CSV");
        assertThat(lines.get(1).unreadable().in(java.util.Locale.ENGLISH)).startsWith("unreadable CSV");
        assertThat(lines.get(2).values()).containsExactly("c", "3");
    }

    @Test
    void aHeaderLineIsSkippedWhenTheMappingSaysSo() throws IOException {
        List<CsvLine> lines = read("caller,called\n79161234567,78005553535\n", true);
        assertThat(lines).singleElement().extracting(CsvLine::number).isEqualTo(2L);
    }

    @Test
    void onlyWhiteSpaceIsNoContent() throws IOException {
        Path file = dir.resolve("empty.csv");
        Files.writeString(file, "\uFEFF \r\n\t\n", StandardCharsets.UTF_8);
        assertThat(EquipmentFile.hasContent(file)).isFalse();
        Files.writeString(file, "\n,", StandardCharsets.UTF_8);
        assertThat(EquipmentFile.hasContent(file)).isTrue();
    }
}
