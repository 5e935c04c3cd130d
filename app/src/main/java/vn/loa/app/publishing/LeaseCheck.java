package vn.loa.app.publishing;

import org.springframework.stereotype.Component;
import vn.loa.app.connection.ConnectorProperties;

/**
 * Refuses to start when an attempt's lease is not longer than a platform call may take: a call
 * still running after its lease could be settled as missing and published a second time.
 */
@Component
class LeaseCheck {

    LeaseCheck(EngineProperties engine, ConnectorProperties connectors) {
        if (engine.lease().compareTo(connectors.readTimeout().multipliedBy(2)) < 0) {
            throw new IllegalStateException("loa.engine.lease (" + engine.lease() + ") must be at least twice"
                    + " loa.connectors.read-timeout (" + connectors.readTimeout() + ")");
        }
    }
}
