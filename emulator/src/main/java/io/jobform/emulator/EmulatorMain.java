package io.jobform.emulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone entry point: {@code java -jar jobform-emulator.jar [--port 4566] [--state FILE]
 * [--region us-east-1]}. Prints the endpoint, serves until killed, and saves the state on
 * shutdown when {@code --state} is given (loading it first when the file exists).
 */
public final class EmulatorMain {
    private EmulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        EmulatorOptions options = EmulatorOptions.defaults().withPort(4566);
        Optional<Path> state = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (arg) {
                case "--port" -> options = options.withPort(port(require(arg, value)));
                case "--region" -> options = options.withRegion(require(arg, value));
                case "--state" -> state = Optional.of(Path.of(require(arg, value)));
                case "--help", "-h" -> {
                    System.out.println("usage: jobform-emulator [--port N] [--region R] [--state FILE]");
                    return;
                }
                default -> {
                    System.err.println("jobform-emulator: unknown argument " + arg);
                    System.exit(2);
                }
            }
            i++;
        }
        Emulator emulator;
        try {
            emulator = Emulator.start(options);
        } catch (java.io.UncheckedIOException e) {
            System.err.println("jobform-emulator: " + e.getMessage() + ": " + e.getCause().getMessage());
            System.exit(1);
            return;
        }
        try {
            state.filter(Files::exists).ifPresent(emulator::loadState);
        } catch (RuntimeException e) {
            System.err.println("jobform-emulator: cannot load state " + state.get() + ": " + e.getMessage());
            emulator.close();
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Optional<Path> stateFile = state;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stateFile.ifPresent(emulator::saveState);
            emulator.close();
            stopped.countDown();
        }));
        System.out.println("jobform-emulator listening on " + emulator.endpoint());
        System.out.flush();
        stopped.await();
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            System.err.println("jobform-emulator: --port needs a number within 0..65535, got " + value);
            System.exit(2);
            return -1;
        }
    }

    private static String require(String arg, String value) {
        if (value == null) {
            System.err.println("jobform-emulator: " + arg + " needs a value");
            System.exit(2);
        }
        return value;
    }
}
