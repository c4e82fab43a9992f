package io.jobform.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One {@code --local} run per folder at a time. Each run loads the local state, works on it
 * and saves it whole; two at once would both report success and the later save would drop
 * the other's changes. An OS file lock on {@code .jobform/local/lock} serialises them; the OS
 * releases it when a process dies, so a crashed run never blocks the next.
 */
final class LocalStateLock implements AutoCloseable {
    static final Path FILE = Path.of(".jobform", "local", "lock");
    private static final long POLL_MILLIS = 200;

    private final FileChannel channel;
    private final FileLock lock;

    private LocalStateLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits, however long the other run takes, and says once that it is waiting. */
    static LocalStateLock acquire(Path file, Consumer<String> progress) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            boolean told = false;
            while (true) {
                Optional<FileLock> lock = tryLock(channel);
                if (lock.isPresent()) {
                    return new LocalStateLock(channel, lock.get());
                }
                if (!told) {
                    progress.accept("waiting for another --local run in this folder to finish (" + file + ")");
                    told = true;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the local state " + file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another --local run", e);
        }
    }

    /** Another process holds it: empty; so does another run in this JVM (the JDK then throws). */
    private static Optional<FileLock> tryLock(FileChannel channel) throws IOException {
        try {
            return Optional.ofNullable(channel.tryLock());
        } catch (OverlappingFileLockException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the local state lock", e);
        }
    }
}
