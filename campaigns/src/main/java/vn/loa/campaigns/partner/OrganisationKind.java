package vn.loa.campaigns.partner;

/** Where an organisation sits in the city's network: the city level, a district, a ward, or another unit. */
public enum OrganisationKind {
    /** City level, for example Thành đoàn Hà Nội. */
    CITY,
    /** District level, for example Quận đoàn Hoàn Kiếm. */
    DISTRICT,
    /** Ward or commune level, for example Đoàn phường Hàng Bạc. */
    WARD,
    /** Any other unit: a school's youth union, an agency, a newspaper. */
    UNIT
}
