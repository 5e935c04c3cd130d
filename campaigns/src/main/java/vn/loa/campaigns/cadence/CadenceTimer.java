package vn.loa.campaigns.cadence;

import java.time.ZoneId;

/** Keeps the cadence's slots on the clock (Quartz, in the app), firing {@code Cadences.fillSlot} at each. */
public interface CadenceTimer {

    CadenceTimer NONE = (cadence, zone) -> { };

    void keep(Cadence cadence, ZoneId zone);
}
