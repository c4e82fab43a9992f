package io.jobform.emulator;

/** Standalone entry point: {@code java -jar jobform-emulator.jar --port 4566}. */
public final class EmulatorMain {
    private EmulatorMain() {}

    public static void main(String[] args) {
        System.err.println("jobform-emulator: not yet implemented");
        System.exit(1);
    }
}
