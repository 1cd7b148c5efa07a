/* test_map_geography.c - the theatre map against the Earth: projection round trips, places in
 * the hexes their coordinates give, distances, sea and land at known points, ranges and passes,
 * rivers as continuous hexside chains, and the committed map file matching its source. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <math.h>
#include <cmocka.h>
#include "maptest.h"

static Map *theatre;

static int setup(void **state)
{
    (void)state;
    theatre = mt_theatre();
    return theatre ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    map_free(theatre);
    return 0;
}

static void test_projection_round_trips(void **state)
{
    (void)state;
    for (double lat = 35.0; lat <= 53.0; lat += 0.7)
        for (double lon = 100.0; lon <= 140.0; lon += 0.9) {
            double x, y, la, lo;
            proj_forward(lat, lon, &x, &y);
            proj_inverse(x, y, &la, &lo);
            assert_true(fabs(la - lat) < 1e-9 && fabs(lo - lon) < 1e-9);
        }
    /* the origin projects to (0, 0) and north is up */
    double x, y, x2, y2;
    proj_forward(43.5, 119.5, &x, &y);
    assert_true(fabs(x) < 1e-6 && fabs(y) < 1e-6);
    proj_forward(44.5, 119.5, &x2, &y2);
    assert_true(y2 > 100000 && fabs(x2) < 1e-6);
}

static void test_hex_centres_round_trip_through_lat_lon(void **state)
{
    (void)state;
    for (int idx = 0; idx < map_count(theatre); idx += 37) {
        Hex h = map_hex_at(theatre, idx);
        double lat, lon;
        proj_hex_to_latlon(theatre, h, &lat, &lon);
        assert_true(hex_eq(proj_latlon_to_hex(theatre, lat, lon), h));
    }
}

static void test_map_covers_the_declared_extent(void **state)
{
    (void)state;
    assert_true(theatre->geographic);
    assert_int_equal(theatre->hex_size_m, 20000);
    for (double lat = 36.5; lat <= 51.0; lat += 0.5)
        for (double lon = 104.0; lon <= 135.0; lon += 0.5)
            assert_true(map_in_bounds(theatre, proj_latlon_to_hex(theatre, lat, lon)));
    assert_true(theatre->w * theatre->h > 11000 && theatre->w * theatre->h < 16000);
}

static void test_every_place_lands_in_the_hex_its_coordinates_give(void **state)
{
    (void)state;
    assert_true(theatre->n_places >= 40);
    for (int i = 0; i < theatre->n_places; i++) {
        const MapPlace *p = &theatre->places[i];
        Hex h = proj_latlon_to_hex(theatre, p->lat_e6 / 1e6, p->lon_e6 / 1e6);
        if (!hex_eq(h, p->hex)) fail_msg("place %s is in the wrong hex", p->id);
        assert_int_equal(map_place_at(theatre, h), i);
        assert_false(map_is_water(theatre, h));
        assert_true(p->name[0] && p->hanzi[0] && p->owner1114[0]);
    }
}

static void test_history_places_are_all_on_the_map(void **state)
{
    (void)state;
    static const char *const ids[] = {
        "shangjing", "zhongjing", "dongjing", "nanjing", "xijing", "huining", "ningjiang",
        "chuhedian", "huanglong", "changchun", "taizhou", "binzhou", "daluguchang", "hubudagang",
        "deshengtuo", "wuguo", "shenzhou", "xianzhou_beizhen", "xianzhou_kaiyuan", "qianzhou",
        "jinzhou", "baozhou", "hesuguan", "qingzhou", "raozhou", "yuanyang", "baishui", "jiashan",
        "qingzhong", "tiande", "dongsheng", "yingzhou", "shuozhou", "juyong", "gubeikou",
        "songting", "yuguan", "pingzhou", "zhuozhou", "yizhou", "xincheng", "baigou", "xiongzhou",
        "lugou", "fengsheng", "dengzhou", "xingqing", "yanmen",
    };
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
        if (map_find_place(theatre, ids[i]) < 0) fail_msg("place %s missing", ids[i]);
}

static void test_capital_distances_match_great_circle(void **state)
{
    (void)state;
    static const char *const ids[] = { "shangjing", "zhongjing", "dongjing", "nanjing", "xijing", "huining", "xingqing" };
    for (int i = 0; i < 7; i++)
        for (int j = i + 1; j < 7; j++) {
            const MapPlace *a = &theatre->places[map_find_place(theatre, ids[i])];
            const MapPlace *b = &theatre->places[map_find_place(theatre, ids[j])];
            double gc = proj_great_circle_km(a->lat_e6 / 1e6, a->lon_e6 / 1e6, b->lat_e6 / 1e6, b->lon_e6 / 1e6);
            int64_t ax, ay, bx, by;
            proj_hex_centre_m(theatre->origin_x_m, theatre->origin_y_m, theatre->hex_size_m, a->hex, &ax, &ay);
            proj_hex_centre_m(theatre->origin_x_m, theatre->origin_y_m, theatre->hex_size_m, b->hex, &bx, &by);
            double centre_km = sqrt((double)(ax - bx) * (ax - bx) + (double)(ay - by) * (ay - by)) / 1000.0;
            /* distance between the hexes on the map: within 10% (in fact within 3%) */
            if (fabs(centre_km / gc - 1.0) > 0.03) fail_msg("%s-%s: map %.0f km, Earth %.0f km", ids[i], ids[j], centre_km, gc);
            /* counted in 20 km hex steps: a hex grid walks off-axis distances up to 2/sqrt(3) long */
            double steps_km = hex_distance(a->hex, b->hex) * 20.0;
            if (steps_km < gc * 0.9 || steps_km > gc * 1.1547 * 1.05)
                fail_msg("%s-%s: %.0f km in hex steps, Earth %.0f km", ids[i], ids[j], steps_km, gc);
        }
}

static Terrain at(double lat, double lon)
{
    Hex h = proj_latlon_to_hex(theatre, lat, lon);
    assert_true(map_in_bounds(theatre, h));
    return map_terrain(theatre, h);
}

static void test_sea_and_land_are_where_they_are(void **state)
{
    (void)state;
    assert_int_equal(at(39.0, 120.0), TER_SEA);    /* Bohai */
    assert_int_equal(at(40.0, 130.0), TER_SEA);    /* Sea of Japan */
    assert_int_equal(at(39.4, 123.6), TER_SEA);    /* Korea Bay */
    assert_int_equal(at(40.3, 121.2), TER_SEA);    /* Liaodong Bay */
    assert_int_equal(at(37.4, 119.5), TER_SEA);    /* Laizhou Bay */
    assert_int_equal(at(37.0, 124.0), TER_SEA);    /* Yellow Sea */
    assert_int_equal(at(42.0, 133.0), TER_SEA);    /* off Primorye */
    assert_int_equal(at(45.25, 124.30), TER_LAKE); /* Chagan Nur */
    assert_int_equal(at(49.0, 117.4), TER_LAKE);   /* Hulun Nur */
    assert_int_equal(at(44.95, 132.40), TER_LAKE); /* Lake Khanka */
    static const double land[][2] = {
        { 43.95, 119.38 }, { 39.88, 116.35 }, { 39.55, 122.30 } /* Liaodong peninsula */,
        { 37.10, 121.50 } /* Shandong */, { 39.03, 125.75 } /* Pyongyang */, { 41.0, 128.5 } /* N Korea */,
        { 43.5, 132.5 } /* Primorye */, { 38.47, 106.27 }, { 45.76, 126.63 } /* Harbin */,
        { 38.8, 121.3 } /* Lushun neck */, { 39.97, 119.45 } /* Yu Pass (Yuguan town) */,
    };
    for (size_t i = 0; i < sizeof land / sizeof land[0]; i++)
        if (map_is_water(theatre, proj_latlon_to_hex(theatre, land[i][0], land[i][1])))
            fail_msg("%.2f %.2f should be land", land[i][0], land[i][1]);
}

static void test_ranges_are_mountains_and_cover_is_drawn(void **state)
{
    (void)state;
    assert_int_equal(at(43.55, 117.50), TER_MOUNTAINS);  /* Greater Khingan, Huanggangliang */
    assert_int_equal(at(38.00, 113.80), TER_MOUNTAINS);  /* Taihang */
    assert_int_equal(at(38.83, 105.95), TER_MOUNTAINS);  /* Helan */
    assert_int_equal(at(41.05, 110.90), TER_MOUNTAINS);  /* Daqing Shan */
    assert_int_equal(at(42.00, 128.06), TER_MOUNTAINS);  /* Changbai / Baekdu */
    assert_int_equal(at(40.55, 116.70), TER_MOUNTAINS);  /* Yan, between Juyong and Gubeikou */
    assert_int_equal(at(44.00, 108.00), TER_DESERT);     /* Gobi */
    assert_int_equal(at(42.80, 115.50), TER_SAND);       /* Hunshandake */
    assert_int_equal(at(41.60, 122.50), TER_MARSH);      /* Liao marsh */
    assert_int_equal(at(47.50, 132.50), TER_MARSH);      /* Sanjiang */
    assert_int_equal(at(50.50, 122.50), TER_FOREST);     /* Greater Khingan taiga */
    assert_int_equal(at(38.50, 115.80), TER_FARMLAND);   /* Hebei plain */
    assert_int_equal(at(48.50, 115.00), TER_STEPPE);     /* Mongolian steppe */
}

/* Shortest route over land that is not mountains, by breadth-first search; fills prev. */
static int route_avoiding_mountains(Hex from, Hex to, int *prev)
{
    int n = map_count(theatre);
    int *queue = malloc(sizeof(int) * (size_t)n);
    for (int i = 0; i < n; i++) prev[i] = -2;
    int head = 0, tail = 0, s = map_index(theatre, from), goal = map_index(theatre, to);
    queue[tail++] = s;
    prev[s] = -1;
    while (head < tail) {
        int cur = queue[head++];
        if (cur == goal) break;
        for (int d = 0; d < HEX_DIRS; d++) {
            Hex nb = hex_neighbor(map_hex_at(theatre, cur), d);
            if (!map_in_bounds(theatre, nb) || map_is_water(theatre, nb) || map_terrain(theatre, nb) == TER_MOUNTAINS) continue;
            int ni = map_index(theatre, nb);
            if (prev[ni] != -2) continue;
            prev[ni] = cur;
            queue[tail++] = ni;
        }
    }
    free(queue);
    return prev[goal] != -2;
}

/* Whether the route to `to` passes within one hex of `via`. */
static int route_passes(const int *prev, Hex to, Hex via)
{
    for (int i = map_index(theatre, to); i >= 0; i = prev[i])
        if (hex_distance(map_hex_at(theatre, i), via) <= 1) return 1;
    return 0;
}

static void test_passes_are_the_way_through_the_ranges(void **state)
{
    (void)state;
    int *prev = malloc(sizeof(int) * (size_t)map_count(theatre));
    for (int i = 0; i < theatre->n_places; i++)
        if (theatre->places[i].kind == PLACE_PASS)
            assert_int_not_equal(map_terrain(theatre, theatre->places[i].hex), TER_MOUNTAINS);
    Hex nanjing = theatre->places[map_find_place(theatre, "nanjing")].hex;
    Hex fengsheng = theatre->places[map_find_place(theatre, "fengsheng")].hex;
    Hex juyong = theatre->places[map_find_place(theatre, "juyong")].hex;
    assert_true(route_avoiding_mountains(nanjing, fengsheng, prev));
    assert_true(route_passes(prev, fengsheng, juyong));
    Hex xijing = theatre->places[map_find_place(theatre, "xijing")].hex;
    Hex taiyuan = theatre->places[map_find_place(theatre, "taiyuan")].hex;
    Hex yanmen = theatre->places[map_find_place(theatre, "yanmen")].hex;
    assert_true(route_avoiding_mountains(xijing, taiyuan, prev));
    assert_true(route_passes(prev, taiyuan, yanmen));
    free(prev);
}

/* Whether vertex v lies on a side carrying river ri. */
static int vert_on_river(long v, int ri)
{
    for (int idx = 0; idx < map_count(theatre); idx++)
        for (int k = 0; k < 3; k++) {
            MapSide s = theatre->sides[idx * 3 + k];
            if (s.river != ri) continue;
            long a, b;
            mt_side_verts(map_hex_at(theatre, idx), k, &a, &b);
            if (a == v || b == v) return 1;
        }
    return 0;
}

/* Hex distance from the vertex to a lat/lon. */
static int vert_dist(long v, double lat, double lon)
{
    Hex hs[3];
    mt_vert_hexes(v, hs);
    Hex t = proj_latlon_to_hex(theatre, lat, lon);
    int best = 1 << 30;
    for (int i = 0; i < 3; i++) if (hex_distance(hs[i], t) < best) best = hex_distance(hs[i], t);
    return best;
}

static int vert_touches_sea(long v)
{
    Hex hs[3];
    mt_vert_hexes(v, hs);
    for (int i = 0; i < 3; i++)
        if (map_in_bounds(theatre, hs[i]) && map_terrain(theatre, hs[i]) == TER_SEA) return 1;
    return 0;
}

static int vert_at_edge(long v)
{
    Hex hs[3];
    mt_vert_hexes(v, hs);
    for (int i = 0; i < 3; i++) {
        int col, row;
        hex_to_offset(hs[i], &col, &row);
        if (col <= 0 || row <= 0 || col >= theatre->w - 1 || row >= theatre->h - 1) return 1;
    }
    return 0;
}

/* One unbroken chain of sides with two ends; returns it. */
static MtChain one_chain(const char *name)
{
    int ri = mt_river(theatre, name);
    if (ri < 0) fail_msg("river %s missing", name);
    MtChain c = mt_chain(theatre, ri);
    if (c.components != 1 || c.n_ends != 2 || c.max_degree > 2)
        fail_msg("%s: %d pieces, %d ends, degree %d", name, c.components, c.n_ends, c.max_degree);
    assert_true(c.n_sides > 10);
    return c;
}

static void test_songhua_is_a_continuous_chain_from_the_nen_confluence_to_the_amur(void **state)
{
    (void)state;
    MtChain c = one_chain("Songhua (Huntong)");
    int amur = mt_river(theatre, "Amur (Heilong)");
    int src = vert_dist(c.ends[0], 45.45, 124.67) <= 2 ? 0 : 1;
    assert_true(vert_dist(c.ends[src], 45.45, 124.67) <= 2);
    assert_true(vert_on_river(c.ends[1 - src], amur));
    c = one_chain("Second Songhua");
    int songhua = mt_river(theatre, "Songhua (Huntong)");
    src = vert_dist(c.ends[0], 42.0, 128.06) <= 2 ? 0 : 1;
    assert_true(vert_dist(c.ends[src], 42.0, 128.06) <= 2);
    assert_true(vert_on_river(c.ends[1 - src], songhua));
}

static void test_liao_is_a_continuous_chain_from_its_confluence_to_the_sea(void **state)
{
    (void)state;
    MtChain c = one_chain("Liao");
    int src = vert_dist(c.ends[0], 43.42, 120.70) <= 2 ? 0 : 1;
    assert_true(vert_dist(c.ends[src], 43.42, 120.70) <= 2);
    assert_true(vert_touches_sea(c.ends[1 - src]));
    /* its headwaters join it */
    int liao = mt_river(theatre, "Liao");
    MtChain x = one_chain("Xar Moron (Huang)");
    assert_true(vert_on_river(x.ends[0], liao) || vert_on_river(x.ends[1], liao));
}

static void test_yellow_river_is_a_continuous_chain_across_the_map_and_to_the_sea(void **state)
{
    (void)state;
    MtChain c = one_chain("Yellow River");           /* enters in the W, leaves to the S */
    assert_true(vert_at_edge(c.ends[0]) && vert_at_edge(c.ends[1]));
    c = one_chain("Yellow River (northern course)");  /* 1099-1128: from the S edge to the Bohai */
    assert_true((vert_at_edge(c.ends[0]) && vert_touches_sea(c.ends[1])) ||
                (vert_at_edge(c.ends[1]) && vert_touches_sea(c.ends[0])));
}

static void test_major_rivers_are_flagged_and_fords_are_where_the_source_says(void **state)
{
    (void)state;
    int songhua = mt_river(theatre, "Songhua (Huntong)"), fords = 0, major = 0;
    for (int idx = 0; idx < map_count(theatre); idx++)
        for (int k = 0; k < 3; k++) {
            MapSide s = theatre->sides[idx * 3 + k];
            if (s.river != songhua) continue;
            major += (s.flags & SIDE_RIVER_MAJOR) != 0;
            if (s.flags & SIDE_FORD) {
                fords++;
                assert_true(hex_distance(map_hex_at(theatre, idx), proj_latlon_to_hex(theatre, 45.46, 124.78)) <= 1);
            }
        }
    assert_true(major > 30);
    assert_int_equal(fords, 1);
}

/* Whether the hex at lat/lon can be reached from place id within 5 hexes without crossing a
 * side whose flags meet mask (and, when river >= 0, that belongs to that river); land_only keeps
 * the search off water and off the map's edge. */
static int reachable(const char *id, double lat, double lon, int mask, int river, int land_only)
{
    Hex from = theatre->places[map_find_place(theatre, id)].hex, to = proj_latlon_to_hex(theatre, lat, lon);
    Hex queue[400];
    int head = 0, tail = 0;
    queue[tail++] = from;
    while (head < tail) {
        Hex h = queue[head++];
        if (hex_eq(h, to)) return 1;
        for (int d = 0; d < HEX_DIRS; d++) {
            Hex nb = hex_neighbor(h, d);
            MapSide sd = map_side(theatre, h, d);
            if (hex_distance(nb, from) > 5 || ((sd.flags & mask) && (river < 0 || sd.river == river))) continue;
            if (land_only && (!map_in_bounds(theatre, nb) || map_is_water(theatre, nb))) continue;
            int seen = 0;
            for (int i = 0; i < tail; i++) if (hex_eq(queue[i], nb)) seen = 1;
            if (!seen && tail < 400) queue[tail++] = nb;
        }
    }
    return 0;
}

/* Whether the hex at lat/lon can be reached from place id within 5 hexes without crossing a
 * side whose flags meet mask. */
static int reachable_without_crossing(const char *id, double lat, double lon, int mask)
{
    return reachable(id, lat, lon, mask, -1, 0);
}

static void test_towns_stand_on_the_bank_the_sources_give(void **state)
{
    (void)state;
    /* Chuhedian on the N bank of the Songhua at the Nen confluence */
    assert_true(reachable_without_crossing("chuhedian", 45.80, 124.75, SIDE_RIVER_MAJOR));
    assert_false(reachable_without_crossing("chuhedian", 45.30, 125.05, SIDE_RIVER_MAJOR));
    /* Ningjiang on the E bank of the N-flowing (Second) Songhua */
    assert_true(reachable_without_crossing("ningjiang", 45.20, 125.20, SIDE_RIVER_MAJOR));
    assert_false(reachable_without_crossing("ningjiang", 45.25, 124.50, SIDE_RIVER_MAJOR));
    /* Shenzhou (Shenyang) N of the Hun */
    assert_true(reachable_without_crossing("shenzhou", 42.00, 123.45, SIDE_RIVER));
    assert_false(reachable_without_crossing("shenzhou", 41.50, 123.45, SIDE_RIVER));
    /* Xingqing W of the Yellow River, Dongsheng E of it */
    assert_true(reachable_without_crossing("xingqing", 38.47, 106.00, SIDE_RIVER_MAJOR));
    assert_false(reachable_without_crossing("xingqing", 38.47, 106.80, SIDE_RIVER_MAJOR));
    assert_false(reachable_without_crossing("dongsheng", 40.05, 110.85, SIDE_RIVER_MAJOR));
}

/* Whether the hex at lat/lon can be reached over land from place id within 5 hexes without
 * crossing a side of the named river. */
static int reachable_without_river(const char *id, double lat, double lon, const char *river)
{
    int ri = mt_river(theatre, river);
    if (ri < 0) fail_msg("river %s missing", river);
    return reachable(id, lat, lon, SIDE_RIVER, ri, 1);
}

static void test_zhengding_stands_on_the_north_bank_of_the_hutuo(void **state)
{
    (void)state;
    assert_true(reachable_without_river("zhending", 38.40, 114.60, "Hutuo"));
    assert_false(reachable_without_river("zhending", 37.80, 114.60, "Hutuo"));
}

static void test_taiyuan_stands_on_the_east_bank_of_the_fen(void **state)
{
    (void)state;
    assert_true(reachable_without_river("taiyuan", 37.85, 112.85, "Fen"));
    assert_false(reachable_without_river("taiyuan", 37.85, 112.10, "Fen"));
}

static void test_pyongyang_stands_on_the_northwest_bank_of_the_taedong(void **state)
{
    (void)state;
    assert_true(reachable_without_river("seogyeong", 39.25, 125.45, "Taedong"));
    assert_false(reachable_without_river("seogyeong", 38.75, 125.95, "Taedong"));
}

static void test_wuguo_toucheng_stands_south_of_the_songhua_and_west_of_the_mudan(void **state)
{
    (void)state;
    /* in the angle of the confluence: no river between it and the land SW, one either way */
    assert_true(reachable_without_crossing("wuguo", 46.10, 129.30, SIDE_RIVER));
    assert_false(reachable_without_crossing("wuguo", 46.70, 129.50, SIDE_RIVER));
    assert_false(reachable_without_crossing("wuguo", 46.10, 129.95, SIDE_RIVER));
    assert_false(reachable_without_river("wuguo", 46.70, 129.50, "Songhua (Huntong)"));
}

static void test_song_bazhou_is_on_the_song_side_of_the_border_river(void **state)
{
    (void)state;
    assert_true(reachable_without_crossing("bazhou", 38.95, 116.45, SIDE_RIVER));
    assert_false(reachable_without_crossing("bazhou", 39.40, 116.45, SIDE_RIVER));
}

static void test_hailar_flows_into_the_argun_which_runs_to_the_north_edge(void **state)
{
    (void)state;
    int argun = mt_river(theatre, "Argun (Ergune)");
    MtChain a = one_chain("Argun (Ergune)");
    assert_true(vert_at_edge(a.ends[0]) || vert_at_edge(a.ends[1]));
    MtChain h = one_chain("Hailar");
    assert_true(vert_on_river(h.ends[0], argun) || vert_on_river(h.ends[1], argun));
}

static void test_tuul_flows_by_kedun_into_the_orkhon_and_the_selenge(void **state)
{
    (void)state;
    int orkhon = mt_river(theatre, "Orkhon"), selenge = mt_river(theatre, "Selenge");
    MtChain t = one_chain("Tuul");
    assert_true(vert_on_river(t.ends[0], orkhon) || vert_on_river(t.ends[1], orkhon));
    MtChain o = one_chain("Orkhon");
    assert_true(vert_on_river(o.ends[0], selenge) || vert_on_river(o.ends[1], selenge));
    /* Kedun's hex has a Tuul side */
    int tuul = mt_river(theatre, "Tuul"), by = 0;
    Hex k = theatre->places[map_find_place(theatre, "kedun")].hex;
    for (int d = 0; d < HEX_DIRS; d++) {
        MapSide sd = map_side(theatre, k, d);
        by |= (sd.flags & SIDE_RIVER) && sd.river == tuul;
    }
    assert_true(by);
}

/* Whether a lake hex lies within dist hexes of place id. */
static int lake_near(const char *id, int dist)
{
    Hex p = theatre->places[map_find_place(theatre, id)].hex;
    for (int idx = 0; idx < map_count(theatre); idx++) {
        Hex h = map_hex_at(theatre, idx);
        if (hex_distance(h, p) <= dist && map_terrain(theatre, h) == TER_LAKE) return 1;
    }
    return 0;
}

static void test_the_camp_lakes_are_drawn_beside_their_camps(void **state)
{
    (void)state;
    assert_true(lake_near("baishui", 1));
    assert_true(lake_near("yuanyang", 1));
    assert_int_not_equal(map_terrain(theatre, theatre->places[map_find_place(theatre, "baishui")].hex), TER_LAKE);
    assert_int_not_equal(map_terrain(theatre, theatre->places[map_find_place(theatre, "yuanyang")].hex), TER_LAKE);
}

static void test_yiwulu_shan_is_hills_not_farmland(void **state)
{
    (void)state;
    assert_int_equal(map_terrain(theatre, proj_latlon_to_hex(theatre, 41.70, 121.64)), TER_HILLS);
    assert_int_equal(map_terrain(theatre, proj_latlon_to_hex(theatre, 41.95, 121.70)), TER_HILLS);
}

static void test_yu_pass_stands_at_yuguan_town_not_shanhaiguan(void **state)
{
    (void)state;
    Hex yu = theatre->places[map_find_place(theatre, "yuguan")].hex;
    assert_int_equal(hex_distance(yu, proj_latlon_to_hex(theatre, 39.97, 119.45)), 0);
    assert_true(hex_distance(yu, proj_latlon_to_hex(theatre, 40.00, 119.75)) >= 1);
}

static void test_song_liao_border_separates_the_song_and_liao_towns(void **state)
{
    (void)state;
    const MapBorder *b = NULL;
    for (int i = 0; i < theatre->n_borders; i++)
        if (!strcmp(theatre->borders[i].id, "song_liao")) b = &theatre->borders[i];
    assert_non_null(b);
    assert_true(theatre->n_borders >= 3);
    int checked = 0;
    for (int i = 0; i < theatre->n_places; i++) {
        const MapPlace *p = &theatre->places[i];
        int liao = !strcmp(p->owner1114, "liao"), song = !strcmp(p->owner1114, "song");
        if ((!liao && !song) || p->lat_e6 > 40500000) continue;
        for (int k = 0; k + 1 < b->n; k++) {
            int32_t x0 = b->lon_e6[k], x1 = b->lon_e6[k + 1];
            int32_t lo = x0 < x1 ? x0 : x1, hi = x0 < x1 ? x1 : x0;
            if (p->lon_e6 < lo || p->lon_e6 > hi || x0 == x1) continue;
            double t = (double)(p->lon_e6 - x0) / (x1 - x0);
            double line_lat = b->lat_e6[k] + t * (b->lat_e6[k + 1] - b->lat_e6[k]);
            double d = p->lat_e6 - line_lat;
            if (d > -20000 && d < 20000) break;   /* on the line: crossings and border passes */
            if (liao && d < 0) fail_msg("Liao %s is S of the Song-Liao border", p->id);
            if (song && d > 0) fail_msg("Song %s is N of the Song-Liao border", p->id);
            checked++;
            break;
        }
    }
    assert_true(checked >= 12);
}

static void test_liao_jurchen_frontier_separates_the_liao_and_jurchen_places(void **state)
{
    (void)state;
    const MapBorder *b = NULL;
    for (int i = 0; i < theatre->n_borders; i++)
        if (!strcmp(theatre->borders[i].id, "liao_jurchen")) b = &theatre->borders[i];
    assert_non_null(b);
    int checked = 0;
    for (int i = 0; i < theatre->n_places; i++) {
        const MapPlace *p = &theatre->places[i];
        int liao = !strcmp(p->owner1114, "liao"), jur = !strcmp(p->owner1114, "jurchen");
        if (!liao && !jur) continue;
        for (int k = 0; k + 1 < b->n; k++) {   /* the line runs N to S: compare longitudes */
            int32_t y0 = b->lat_e6[k], y1 = b->lat_e6[k + 1];
            int32_t lo = y0 < y1 ? y0 : y1, hi = y0 < y1 ? y1 : y0;
            if (p->lat_e6 < lo || p->lat_e6 > hi || y0 == y1) continue;
            double t = (double)(p->lat_e6 - y0) / (y1 - y0);
            double line_lon = b->lon_e6[k] + t * (b->lon_e6[k + 1] - b->lon_e6[k]);
            double d = p->lon_e6 - line_lon;
            if (d > 2500000 || d < -2500000) break;   /* far from the frontier */
            if (liao && d > 0) fail_msg("Liao %s is E of the Liao-Jurchen frontier", p->id);
            if (jur && d < 0) fail_msg("Jurchen %s is W of the Liao-Jurchen frontier", p->id);
            checked++;
            break;
        }
    }
    assert_true(checked >= 8);
}

static void test_committed_map_is_up_to_date_with_its_source(void **state)
{
    (void)state;
    char err[512], path[1024];
    Map *m = mapcmd_build_from_dir(mt_data_dir(), err, sizeof err);
    if (!m) fail_msg("the map source does not build: %s", err);
    size_t len, flen = 0;
    char *text = mapio_write(m, &len);
    snprintf(path, sizeof path, "%s/maps/theatre.map", mt_data_dir());
    char *file = mt_read(path, &flen);
    int same = file && flen == len && memcmp(file, text, len) == 0;
    free(text);
    free(file);
    map_free(m);
    if (!same) fail_msg("maps/theatre.map is out of date with maps/*.geo: run `gyrfalcon --build-map`");
}

static void test_builder_is_deterministic(void **state)
{
    (void)state;
    char err[512];
    Map *a = mapcmd_build_from_dir(mt_data_dir(), err, sizeof err);
    Map *b = mapcmd_build_from_dir(mt_data_dir(), err, sizeof err);
    assert_non_null(a);
    assert_non_null(b);
    size_t la, lb;
    char *ta = mapio_write(a, &la), *tb = mapio_write(b, &lb);
    assert_true(la == lb && memcmp(ta, tb, la) == 0);
    free(ta); free(tb); map_free(a); map_free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_projection_round_trips),
        cmocka_unit_test(test_hex_centres_round_trip_through_lat_lon),
        cmocka_unit_test(test_map_covers_the_declared_extent),
        cmocka_unit_test(test_every_place_lands_in_the_hex_its_coordinates_give),
        cmocka_unit_test(test_history_places_are_all_on_the_map),
        cmocka_unit_test(test_capital_distances_match_great_circle),
        cmocka_unit_test(test_sea_and_land_are_where_they_are),
        cmocka_unit_test(test_ranges_are_mountains_and_cover_is_drawn),
        cmocka_unit_test(test_passes_are_the_way_through_the_ranges),
        cmocka_unit_test(test_songhua_is_a_continuous_chain_from_the_nen_confluence_to_the_amur),
        cmocka_unit_test(test_liao_is_a_continuous_chain_from_its_confluence_to_the_sea),
        cmocka_unit_test(test_yellow_river_is_a_continuous_chain_across_the_map_and_to_the_sea),
        cmocka_unit_test(test_major_rivers_are_flagged_and_fords_are_where_the_source_says),
        cmocka_unit_test(test_towns_stand_on_the_bank_the_sources_give),
        cmocka_unit_test(test_zhengding_stands_on_the_north_bank_of_the_hutuo),
        cmocka_unit_test(test_taiyuan_stands_on_the_east_bank_of_the_fen),
        cmocka_unit_test(test_pyongyang_stands_on_the_northwest_bank_of_the_taedong),
        cmocka_unit_test(test_wuguo_toucheng_stands_south_of_the_songhua_and_west_of_the_mudan),
        cmocka_unit_test(test_song_bazhou_is_on_the_song_side_of_the_border_river),
        cmocka_unit_test(test_hailar_flows_into_the_argun_which_runs_to_the_north_edge),
        cmocka_unit_test(test_tuul_flows_by_kedun_into_the_orkhon_and_the_selenge),
        cmocka_unit_test(test_the_camp_lakes_are_drawn_beside_their_camps),
        cmocka_unit_test(test_yiwulu_shan_is_hills_not_farmland),
        cmocka_unit_test(test_yu_pass_stands_at_yuguan_town_not_shanhaiguan),
        cmocka_unit_test(test_song_liao_border_separates_the_song_and_liao_towns),
        cmocka_unit_test(test_liao_jurchen_frontier_separates_the_liao_and_jurchen_places),
        cmocka_unit_test(test_committed_map_is_up_to_date_with_its_source),
        cmocka_unit_test(test_builder_is_deterministic),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
