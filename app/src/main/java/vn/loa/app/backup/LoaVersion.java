package vn.loa.app.backup;

/** This build's version, from the jar's manifest; "development" when run from the build tree. */
final class LoaVersion {

    private LoaVersion() {}

    static String current() {
        var version = LoaVersion.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
