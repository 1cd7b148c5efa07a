/* json.h - tiny helpers for printing JSON from the command-line modes. */
#ifndef GYR_JSON_H
#define GYR_JSON_H
#include <stdio.h>

/* Print s as a JSON string literal (quotes included), escaping control characters. */
void json_str(FILE *f, const char *s);

#endif
