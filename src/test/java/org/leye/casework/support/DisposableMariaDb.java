package org.leye.casework.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server of the test's own, never the shared one on port 3306: a data directory under
 * /tmp made by {@code mariadb-install-db}, {@code mariadbd} on a free loopback port, root without
 * password. It can be killed ({@code SIGKILL}, a crash), stopped ({@code SIGTERM}) and started again
 * on the same data and port, and is removed with its files at {@link #close()}.
 */
public final class DisposableMariaDb implements AutoCloseable {

    private static final Path INSTALL_DB = firstExisting("/usr/bin/mariadb-install-db", "/usr/bin/mysql_install_db");
    private static final Path SERVER = firstExisting("/usr/sbin/mariadbd", "/usr/sbin/mysqld");
    private static final Path DUMP = firstExisting("/usr/bin/mariadb-dump", "/usr/bin/mysqldump");
    private static final Path CLIENT = firstExisting("/usr/bin/mariadb", "/usr/bin/mysql");

    private final Path dir;
    private final int port;
    private Process server;
    private final Thread reaper = new Thread(this::killQuietly, "disposable-mariadb-reaper");

    private DisposableMariaDb(Path dir, int port) {
        this.dir = dir;
        this.port = port;
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Whether this machine has the MariaDB server programs ({@code apt-get install mariadb-server}). */
    public static boolean installed() {
        return INSTALL_DB != null && SERVER != null && DUMP != null && CLIENT != null;
    }

    public static String missing() {
        return "mariadb-install-db=" + INSTALL_DB + ", mariadbd=" + SERVER + ", mariadb-dump=" + DUMP + ", mariadb=" + CLIENT;
    }

    /** A new data directory, initialised; the server is not running yet. */
    public static DisposableMariaDb create() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("leye-mariadb-");
        DisposableMariaDb db = new DisposableMariaDb(dir, freePort());
        List<String> install = new ArrayList<>(List.of(INSTALL_DB.toString(), "--no-defaults",
                "--datadir=" + dir.resolve("data"), "--tmpdir=" + Files.createDirectories(dir.resolve("tmp")),
                "--auth-root-authentication-method=normal", "--skip-test-db"));
        if (runningAsRoot()) {
            install.add("--user=root");
        }
        run(install, dir.resolve("install.log"), Duration.ofSeconds(120));
        return db;
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of a database on this server, with the flags the application needs (MySqlAvailable's). */
    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?" + MySqlAvailable.FLAGS;
    }

    /** Starts the server on its port and data and waits until it answers. */
    public synchronized void start() throws IOException, InterruptedException {
        if (server != null && server.isAlive()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(SERVER.toString(), "--no-defaults",
                "--datadir=" + dir.resolve("data"), "--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + dir.resolve("mysqld.sock"), "--pid-file=" + dir.resolve("mysqld.pid"),
                // its own: at every start mariadbd deletes the #sql* files of its tmpdir, which in /tmp
                // are the temporary tables of the machine's other MariaDB server, in use
                "--tmpdir=" + Files.createDirectories(dir.resolve("tmp")),
                "--log-error=" + dir.resolve("error.log"), "--innodb-buffer-pool-size=128M",
                "--max-connections=300", "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci"));
        if (runningAsRoot()) {
            command.add("--user=root"); // mariadbd refuses to run as root without it
        }
        server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.out").toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("mariadbd exited with " + server.exitValue() + ": " + errorLogTail());
            }
            if (answers()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("mariadbd did not answer on port " + port + " within 60 s: " + errorLogTail());
    }

    /** A crash: SIGKILL, no shutdown; InnoDB recovers from its redo log at the next start. */
    public synchronized void kill() throws InterruptedException {
        if (server != null) {
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A clean stop: SIGTERM, the server closes its connections and flushes. */
    public synchronized void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
                server.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    public boolean answers() {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/?connectTimeout=1000",
                "root", "")) {
            return c.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    /** {@code mariadb-dump} of one database into a file: tables, routines, triggers, one consistent snapshot. */
    public void dump(String database, Path file) throws IOException, InterruptedException {
        dump("127.0.0.1", port, "root", "", database, file);
    }

    public static void dump(String host, int port, String user, String password, String database, Path file)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(DUMP.toString(), "--protocol=TCP", "-h" + host, "-P" + port,
                "-u" + user, "--single-transaction", "--quick", "--routines", "--triggers", "--hex-blob",
                "--default-character-set=utf8mb4", "--result-file=" + file));
        if (!password.isEmpty()) {
            command.add("-p" + password);
        }
        command.add(database);
        run(command, file.resolveSibling(file.getFileName() + ".log"), Duration.ofMinutes(5));
    }

    /** {@code mariadb <database> < file} on any server. */
    public static void restore(String host, int port, String user, String password, String database, Path file)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CLIENT.toString(), "--protocol=TCP", "-h" + host, "-P" + port,
                "-u" + user, "--default-character-set=utf8mb4"));
        if (!password.isEmpty()) {
            command.add("-p" + password);
        }
        command.add(database);
        Path log = file.resolveSibling(file.getFileName() + ".restore.log");
        Process p = new ProcessBuilder(command).redirectInput(file.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("restore failed: " + Files.readString(log));
        }
    }

    public String errorLogTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("error.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no error log)";
        }
    }

    @Override
    public void close() throws IOException {
        killQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void killQuietly() {
        Process p = server;
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
            try {
                p.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void run(List<String> command, Path log, Duration timeout) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " did not finish within " + timeout);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " exited with " + p.exitValue() + ": " + Files.readString(log));
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static Path firstExisting(String... paths) {
        for (String p : paths) {
            Path path = Path.of(p);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        return null;
    }
}
