package vn.loa.campaigns.theme;

import java.util.List;
import java.util.Optional;

public interface ThemeRepository {

    Theme insert(Theme theme);

    Optional<Theme> find(long id);

    Optional<Theme> findByCode(String code);

    List<Theme> findAll();
}
