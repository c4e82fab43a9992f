package io.jobform.cli;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar manifest. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"jobform " + (version == null ? "dev" : version)};
    }
}
