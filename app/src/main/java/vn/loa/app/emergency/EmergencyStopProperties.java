package vn.loa.app.emergency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of emergency stops ({@code loa.emergency-stop.*}).
 *
 * @param lateAfter a delivery held by a stop whose instant passed longer ago than this when the
 *                  stop ends waits for a planner's confirmation instead of going out late unannounced
 * @param freshness how old this node's view of the stops may be when it checks one just before a
 *                  platform call (every claim reads them afresh; a stop made on this node shows at once)
 */
@ConfigurationProperties("loa.emergency-stop")
public record EmergencyStopProperties(Duration lateAfter, Duration freshness) {

    public EmergencyStopProperties {
        lateAfter = lateAfter == null ? Duration.ofHours(2) : lateAfter;
        freshness = freshness == null ? Duration.ofSeconds(1) : freshness;
    }
}
