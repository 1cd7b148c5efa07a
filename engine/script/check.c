/* check.c - validating a scenario without playing it (gyrfalcon --check): the file is run
 * with the declarative calls reporting problems instead of stopping at the first, then the
 * setup is checked as a whole. Every problem is one "FILE:LINE: message" line. */
#include <stdio.h>
#include <string.h>
#include "lscript_int.h"

int lscript_check(const char *path, char *report, size_t cap)
{
    if (report && cap) report[0] = 0;
    LScript *s = ls_new(LS_MODE_CHECK, 1);
    if (!s) {
        if (report && cap) snprintf(report, cap, "%s: out of memory\n", path);
        return 1;
    }
    s->report = report;
    s->report_cap = cap;
    if (ls_run_scenario(s, path) != 0) ls_report(s, "%s", s->last_error);
    int n = s->problems;
    lscript_free(s);
    return n;
}
