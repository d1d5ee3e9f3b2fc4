package ru.ccbilling.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server process of a data directory, as its {@code postmaster.pid} names it. A JVM killed with
 * SIGKILL leaves its server running (pg_ctl detaches it); the next start finds it here and stops it, so that a
 * plain restart recovers.
 */
final class Postmaster {

    private static final Logger log = LoggerFactory.getLogger(Postmaster.class);

    /** zonky's lock file: held by the JVM that runs the server, released by the kernel when that JVM dies */
    static final String OWNER_LOCK = "epg-lock";
    private static final boolean PROC = Files.isDirectory(Path.of("/proc/self"));

    private final Path dataDirectory;

    Postmaster(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** the pid in postmaster.pid, if the file is there */
    OptionalLong pid() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.US_ASCII);
            return lines.isEmpty() || lines.get(0).isBlank() ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            log.warn("unreadable postmaster.pid in {}: {}", dataDirectory, e.toString());
            return OptionalLong.empty();
        }
    }

    /** the server process of this directory, when one is running */
    Optional<ProcessHandle> running() {
        OptionalLong pid = pid();
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid.getAsLong()).filter(Postmaster::isLive).filter(this::servesThisDirectory);
    }

    /** alive and not a zombie: a killed server whose parent (init) has not reaped it yet is gone */
    private static boolean isLive(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return !PROC;
        }
    }

    /**
     * Before a start: refuses a directory that another live JVM uses, stops a server orphaned by a dead JVM
     * (fast shutdown: open transactions roll back, committed ones are on disk) and removes a stale pid file.
     */
    void clearForStart(Duration stopWait) {
        ensureNoLiveOwner();
        Optional<ProcessHandle> orphan = running();
        if (orphan.isPresent()) {
            long pid = orphan.get().pid();
            log.warn("PostgreSQL (pid {}) still runs on {} without its JVM: stopping it (fast shutdown)", pid,
                    dataDirectory);
            signal(pid, "INT");
            if (!awaitExit(orphan.get(), stopWait)) {
                log.warn("PostgreSQL (pid {}) did not stop within {}: immediate shutdown", pid, stopWait);
                signal(pid, "QUIT");
                if (!awaitExit(orphan.get(), stopWait)) {
                    throw new IllegalStateException("cannot stop the orphaned PostgreSQL (pid " + pid + ") on "
                            + dataDirectory + "; stop it by hand");
                }
            }
            log.info("orphaned PostgreSQL (pid {}) stopped", pid);
        }
        long deadline = System.nanoTime() + stopWait.toNanos();
        while (!clearToStart()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("processes of an old PostgreSQL still run in " + dataDirectory);
            }
            sleepBriefly();
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether a server may start on the directory now: no process of the old server (postmaster or backend, all of
     * them work in the data directory) is still alive. A pid file naming a zombie or a process that took the pid
     * is then removed, as PostgreSQL would take either for a running server; a pid file of a dead process stays,
     * and PostgreSQL removes it itself. Without /proc, PostgreSQL's own checks decide.
     */
    boolean clearToStart() {
        if (!PROC) {
            return true;
        }
        boolean busy = ProcessHandle.allProcesses().filter(Postmaster::isLive).anyMatch(this::servesThisDirectory);
        if (busy) {
            return false;
        }
        OptionalLong pid = pid();
        if (pid.isPresent() && ProcessHandle.of(pid.getAsLong()).isPresent()) {
            log.info("removing postmaster.pid of {}: its pid {} is no longer its server", dataDirectory, pid.getAsLong());
            try {
                Files.deleteIfExists(dataDirectory.resolve("postmaster.pid"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return true;
    }

    /** whether the process ended within the wait */
    static boolean awaitExit(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void ensureNoLiveOwner() {
        Path lockFile = dataDirectory.resolve(OWNER_LOCK);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("the PostgreSQL data directory " + dataDirectory
                        + " is in use by another running instance");
            }
        } catch (java.nio.channels.OverlappingFileLockException e) {
            throw new IllegalStateException("the PostgreSQL data directory " + dataDirectory
                    + " is in use in this JVM", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** a postgres process working in this data directory: the postmaster and its backends change into it */
    private boolean servesThisDirectory(ProcessHandle process) {
        if (!PROC) {
            return process.info().command().map(c -> c.endsWith("postgres")).orElse(false);
        }
        if (!process.info().command().map(c -> c.contains("postgres")).orElse(true)) {
            return false; // a shell someone opened in the directory, say
        }
        try {
            return Files.isSameFile(Path.of("/proc", Long.toString(process.pid()), "cwd").toRealPath(),
                    dataDirectory.toRealPath());
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
                    .start();
            kill.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            kill.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot signal process " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
