package dev.coral.core.cli.command;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version line of {@code coral --version}, from the properties Maven packs into the jar. */
public final class CoralVersion implements IVersionProvider {
    private static final String POM_PROPERTIES = "/META-INF/maven/dev.coral/coral-core/pom.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"coral " + version() + " (Java " + Runtime.version() + ")"};
    }

    /** The packaged version, or {@code development build} when running from compiled classes. */
    static String version() {
        try (InputStream in = CoralVersion.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "development build";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "development build");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + POM_PROPERTIES + " from the coral jar", e);
        }
    }
}
