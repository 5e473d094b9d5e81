package org.halocloud.passthrough.async;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** {@link ResultStore} on the local file system: {@code <root>/<queryId>/<pageNumber>.page}, written atomically. */
public class FileSystemResultStore implements ResultStore {

    private final Path root;

    public FileSystemResultStore(Path root) {
        this.root = root;
    }

    @Override
    public void put(UUID queryId, int pageNumber, byte[] sealedPage) throws IOException {
        Path dir = Files.createDirectories(root.resolve(queryId.toString()));
        Path temp = dir.resolve(pageNumber + ".page.tmp");
        Files.write(temp, sealedPage);
        Files.move(temp, dir.resolve(pageNumber + ".page"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public Optional<byte[]> get(UUID queryId, int pageNumber) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(root.resolve(queryId.toString()).resolve(pageNumber + ".page")));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(UUID queryId) throws IOException {
        Path dir = root.resolve(queryId.toString());
        if (Files.notExists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public List<UUID> listExpired(Instant storedBefore) throws IOException {
        List<UUID> expired = new ArrayList<>();
        if (Files.notExists(root)) {
            return expired;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path dir : dirs) {
                UUID id;
                try {
                    id = UUID.fromString(dir.getFileName().toString());
                } catch (IllegalArgumentException notOurs) {
                    continue;
                }
                if (newest(dir).isBefore(storedBefore)) {
                    expired.add(id);
                }
            }
        }
        return expired;
    }

    private static Instant newest(Path dir) throws IOException {
        Instant newest = Files.getLastModifiedTime(dir).toInstant();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Instant t = Files.getLastModifiedTime(f).toInstant();
                newest = t.isAfter(newest) ? t : newest;
            }
        }
        return newest;
    }
}
