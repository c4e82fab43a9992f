package io.jobform.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Reads the version and git commit the build wrote into jobform-build.properties. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        Properties build = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("/jobform-build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            // an unreadable file reads as an unknown build
        }
        return new String[] {"jobform " + build.getProperty("version", "dev") + " (commit "
                + build.getProperty("commit", "unknown") + ")"};
    }
}
