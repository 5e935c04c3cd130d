package vn.loa.app.api;

import java.util.List;
import vn.loa.campaigns.shared.Page;

/** One page of a listing as the API returns it. */
public record PageView<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    public static <T> PageView<T> of(Page<T> page) {
        return new PageView<>(page.items(), page.page(), page.size(), page.totalItems(), page.totalPages());
    }
}
