package org.chmexchange.node.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or "development" when run from classes. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = ChmNode.class.getPackage().getImplementationVersion();
        return new String[] {"chm-node " + (version == null ? "development" : version)};
    }
}
