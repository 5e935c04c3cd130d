package vn.loa.connectors;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/** Maps each platform to its one connector; refuses a missing or doubled platform loudly. */
public final class ConnectorRegistry {

    private final Map<Platform, Connector> connectors = new EnumMap<>(Platform.class);

    public ConnectorRegistry(Collection<? extends Connector> all) {
        for (var connector : all) {
            var previous = connectors.put(connector.platform(), connector);
            if (previous != null) {
                throw new IllegalStateException("Two connectors for " + connector.platform() + ": "
                        + previous.getClass().getName() + " and "
                        + connector.getClass().getName());
            }
        }
    }

    public Connector forPlatform(Platform platform) {
        var connector = connectors.get(platform);
        if (connector == null) {
            throw new IllegalArgumentException(
                    "No connector is configured for " + platform + "; configured: " + connectors.keySet());
        }
        return connector;
    }
}
