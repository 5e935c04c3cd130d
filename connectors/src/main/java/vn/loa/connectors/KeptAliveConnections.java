package vn.loa.connectors;

/**
 * How many idle connections per host the JDK's {@code HttpURLConnection} keeps for reuse; restfb
 * (Facebook) and Google's {@code NetHttpTransport} (YouTube) both call through it. The JDK keeps 5
 * by default, so with dozens of publish threads calling one host every answered call beyond the
 * fifth closes its connection and the next call opens (and, against the real platforms, TLS
 * handshakes) a new one: in the same-second burst benchmark that cost the platform side and the
 * publish threads about twice their CPU (docs/benchmarks.md). The JDK reads the property once, when
 * it first keeps a connection, so the connectors set it before their first call; an operator's
 * own {@code -Dhttp.maxConnections} wins.
 */
public final class KeptAliveConnections {

    /** More than the publish threads per platform (128 by default), so a burst's calls all find one. */
    public static final int PER_HOST = 256;

    private KeptAliveConnections() {}

    public static void ensure() {
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", Integer.toString(PER_HOST));
        }
    }
}
