/* combat.c - attacks (being written). */
#include "core_internal.h"
#include "combat.h"
CmdResult combat_check(const Game *g, const Command *c) { (void)g; (void)c; return CMD_ERR_BAD_COMMAND; }
CmdResult combat_preview(const Game *g, const Command *c, CombatPreview *p) { (void)p; return combat_check(g, c); }
CombatOutcome combat_draw(Game *g, const Command *c, CombatSetup *s) { CombatOutcome o = {0}; (void)g; (void)c; (void)s; return o; }
void combati_apply(Game *g, const Command *c) { (void)g; (void)c; }
