/* calendar.c - Julian calendar arithmetic in integers (Julian day numbers), the date of a
 * turn, the season and whether the rivers are frozen. */
#include <stdio.h>
#include "core_internal.h"

/* Julian day number of a Julian-calendar date; no range checks. */
long calendar_jdn(int year, int month, int day)
{
    long a = (14 - month) / 12;
    long y = (long)year + 4800 - a;
    long m = month + 12 * a - 3;
    return day + (153 * m + 2) / 5 + 365 * y + y / 4 - 32083;
}

/* Julian-calendar date of a Julian day number (for jdn > 0). */
void calendar_from_jdn(long jdn, int *year, int *month, int *day)
{
    long c = jdn + 32082;
    long d = (4 * c + 3) / 1461;
    long e = c - (1461 * d) / 4;
    long m = (5 * e + 2) / 153;
    *day = (int)(e - (153 * m + 2) / 5 + 1);
    *month = (int)(m + 3 - 12 * (m / 10));
    *year = (int)(d - 4800 + m / 10);
}

/* Date of the first day of turn (1-based): start + (turn-1)*turn_days. */
void game_turn_date(const Game *g, int turn, int *year, int *month, int *day)
{
    int td = g->turn_days > 0 ? g->turn_days : 1;
    int sy = g->start_year, sm = g->start_month, sd = g->start_day;
    if (sm < 1 || sm > 12) sm = 1;
    if (sd < 1 || sd > 31) sd = 1;
    long jdn = calendar_jdn(sy, sm, sd) + (long)(turn - 1) * td;
    calendar_from_jdn(jdn, year, month, day);
}

/* Date of the current turn. */
void game_date(const Game *g, int *year, int *month, int *day)
{
    game_turn_date(g, g->turn > 0 ? g->turn : 1, year, month, day);
}

static const char *const MONTHS[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
                                        "Sep", "Oct", "Nov", "Dec" };

/* "3 Nov 1114" for a turn. */
void game_date_str(const Game *g, int turn, char *buf, int cap)
{
    int y, m, d;
    if (!buf || cap <= 0) return;
    game_turn_date(g, turn, &y, &m, &d);
    snprintf(buf, (size_t)cap, "%d %s %d", d, MONTHS[(m - 1) % 12], y);
}

/* Season of the current turn from its month. */
Season game_season(const Game *g)
{
    int y, m, d;
    game_date(g, &y, &m, &d);
    if (m >= 3 && m <= 5) return SEASON_SPRING;
    if (m >= 6 && m <= 8) return SEASON_SUMMER;
    if (m >= 9 && m <= 11) return SEASON_AUTUMN;
    return SEASON_WINTER;
}

/* Whether the current turn's first day lies in [freeze_from, freeze_to), wrapping the year.
 * Never frozen when the rules give no freeze dates. */
int game_rivers_frozen(const Game *g)
{
    const Rules *r = &g->rules;
    if (r->freeze_from_month <= 0 || r->freeze_to_month <= 0) return 0;
    int y, m, d;
    game_date(g, &y, &m, &d);
    int key = m * 100 + d;
    int from = r->freeze_from_month * 100 + r->freeze_from_day;
    int to = r->freeze_to_month * 100 + r->freeze_to_day;
    if (from == to) return 0;
    if (from < to) return key >= from && key < to;
    return key >= from || key < to;
}

/* "spring", "summer", "autumn", "winter". */
const char *season_id(Season s)
{
    static const char *const ids[4] = { "spring", "summer", "autumn", "winter" };
    return ((int)s >= 0 && s <= SEASON_WINTER) ? ids[s] : "?";
}
