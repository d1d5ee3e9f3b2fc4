package ru.ccbilling.document.edo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Puts each file into a directory ({@code ccbilling.edo.drop-dir}) that an operator's client program watches and
 * sends from. A file appears whole or not at all: it is written as a hidden temp file in the same directory and
 * renamed, so the watcher never picks up half a file. Off when the property is not set.
 */
@Component
@ConditionalOnExpression("'${ccbilling.edo.drop-dir:}' != ''")
public class FileDropConnector implements EdoConnector {

    private final Path directory;
    private final Clock clock;

    @Autowired
    FileDropConnector(@Value("${ccbilling.edo.drop-dir}") String directory, Clock clock) {
        this(Path.of(directory), clock);
    }

    public FileDropConnector(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public Receipt send(EdoFile file) {
        Path target = directory.resolve(file.fileName());
        if (!directory.equals(target.getParent())) {
            throw new IllegalArgumentException("not a plain file name: " + file.fileName());
        }
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, ".", ".part");
            try {
                Files.write(temp, file.content());
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot drop " + file.fileName() + " into " + directory, e);
        }
        return new Receipt(file.id(), target.toString(), OffsetDateTime.now(clock));
    }
}
