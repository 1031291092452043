/** The `--demo` server: a few people in one guild, tracking shows through the real commands. */
export const DEMO_SCRIPT = `
as alice
in movie-club #general
/watch add title:tv:1399
/ep 1399 1 1-9
/ep show:tv:1399 season:2 episode:1-3
/watch react title:tv:1399 reaction:loved
/watch add title:movie:27205
/watch privacy visible:true
as bob
in movie-club #general
/watch add title:tv:87108
/mark show show:tv:87108
/watch react title:tv:87108 reaction:loved
/watch status title:movie:603 status:watching progress:40
/watch add title:tv:1396
/ep show:tv:1396 season:1 episode:1-4
as carol
in movie-club #general
/watch add title:tv:66732
/watch add title:movie:157336
/ep show:tv:37854 season:1 episode:all
`;
