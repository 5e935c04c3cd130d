package vn.loa.campaigns.cadence;

import java.time.ZoneId;

/** Keeps the cadence's slots on the clock (Quartz, in the app), firing {@code Cadences.fillNextSlot} ahead of each. */
public interface CadenceTimer {

    void keep(Cadence cadence, ZoneId zone);
}
