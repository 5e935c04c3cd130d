package vn.loa.app.web.calendar;

import java.util.List;

/** One colour per theme, the same on the calendar, its legend and the dashboard; all pass 4.5:1 against white text. */
public final class ThemeColours {

    private static final List<String> PALETTE =
            List.of("#1f5fa8", "#b3261e", "#1b7f4a", "#8a4b08", "#6b3fa0", "#0f6e76", "#a3195b", "#4d5b6a");

    private ThemeColours() {}

    public static String of(long themeId) {
        return PALETTE.get((int) Math.floorMod(themeId - 1, (long) PALETTE.size()));
    }
}
