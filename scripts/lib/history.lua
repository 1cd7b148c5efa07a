-- history.lua - helpers for scenario authors, loaded with `local H = gyr.include("history")`:
-- calendar arithmetic (which turn a historical date falls on), events that fire once, calls
-- that may be refused, and small questions about units and battles. Plain Lua over the gyr API.
local H = {}

-- Julian day number of a date of the Julian calendar (integers only).
function H.jdn(y, m, d)
  local a = (14 - m) // 12
  local yy, mm = y + 4800 - a, m + 12 * a - 3
  return d + (153 * mm + 2) // 5 + 365 * yy + yy // 4 - 32083
end

-- The turn on which a date falls (1 = the first turn; 0 or less = before the scenario).
-- Works once scenario{} has run.
function H.turn_of(y, m, d)
  local d1, d2 = gyr.date(1), gyr.date(2)
  local start = H.jdn(d1.year, d1.month, d1.day)
  local days = H.jdn(d2.year, d2.month, d2.day) - start
  return (H.jdn(y, m, d) - start) // days + 1
end

local done = {}
-- True the first time it is asked for key, false ever after: for events that happen once.
function H.once(key)
  if done[key] then return false end
  done[key] = true
  return true
end

-- Whether key has already been used with H.once.
function H.happened(key) return done[key] == true end

-- Calls f(...) and returns true when it worked; a refusal (a leader already taken, a faction
-- not created yet) is swallowed.
function H.try(f, ...) return (pcall(f, ...)) end

-- Whether faction f is in the game and not yet eliminated (false for one not created yet).
function H.exists(f)
  for _, id in ipairs(gyr.factions()) do
    if id == f then return gyr.faction_info(f).alive end
  end
  return false
end

-- Whether any unit with this tag (and of this faction, when given) is alive. A faction that
-- does not exist (yet) or is eliminated has none.
function H.alive(tag, faction)
  if faction and not H.exists(faction) then return false end
  local ok, units = pcall(gyr.units, { tag = tag, faction = faction })
  return ok and #units > 0
end

-- Total steps of the alive units matching the filter of gyr.units (0 for unknown factions).
function H.steps(filter)
  local ok, units = pcall(gyr.units, filter)
  if not ok then return 0 end
  local n = 0
  for _, u in ipairs(units) do n = n + u.steps end
  return n
end

-- Average cohesion of the alive units matching the gyr.units filter (100 when there are none).
function H.avg_cohesion(filter)
  local us, sum = gyr.units(filter), 0
  if #us == 0 then return 100 end
  for _, u in ipairs(us) do sum = sum + u.cohesion end
  return sum // #us
end

-- Moves every unit of faction `from` with the tag to faction `to`; false when none is left.
function H.defect_tag(tag, from, to, text, note)
  if not H.alive(tag, from) then return false end
  gyr.defect { tag = tag, faction = from, to = to, text = text, note = note }
  return true
end

-- Hex distance between two axial positions.
function H.hex_dist(q1, r1, q2, r2)
  local dq, dr = q1 - q2, r1 - r2
  return (math.abs(dq) + math.abs(dr) + math.abs(dq + dr)) // 2
end

-- Whether a unit of the faction stands within radius hexes of the place (the place must exist).
function H.near(place, faction, radius)
  local p = gyr.place_info(place)
  for _, u in ipairs(gyr.units { faction = faction }) do
    if H.hex_dist(u.q, u.r, p.q, p.r) <= radius then return true end
  end
  return false
end

-- The winner and the loser of a battle event.
function H.battle_result(ev)
  if ev.attacker_won then return ev.attacker_faction, ev.defender_faction end
  return ev.defender_faction, ev.attacker_faction
end

-- Declares the neighbours who stand aside in a Jin-Liao scenario (Song, Western Xia, Goryeo and
-- the tribes of the north: not playable, their towns not for the taking) and makes each of the
-- given sides neutral towards them. Call it where the scenario declares its factions.
function H.neutral_neighbours(...)
  faction { id = "song",   name = "Song",        hanzi = "宋",   color = 0x009E73, emblem = "dragon", playable = false }
  faction { id = "xia",    name = "Western Xia", hanzi = "西夏", color = 0xD55E00, emblem = "hawk",   playable = false }
  faction { id = "goryeo", name = "Goryeo",      hanzi = "高麗", color = 0x999999, emblem = "lotus",  playable = false }
  faction { id = "tribes", name = "Tribes of the north", hanzi = "諸部", color = 0x666666, emblem = "bow", playable = false }
  for _, a in ipairs({ ... }) do
    for _, b in ipairs({ "song", "xia", "goryeo", "tribes" }) do relation(a, b, "neutral") end
  end
end

-- Aguda killed or taken (asked after every event; acts once): his brother Wuqimai takes over a
-- Jin unit without a leader. Returns true when Aguda was lost in this scenario (text and note
-- tell it; the caller applies its penalty), false when he is active or was lost in an earlier
-- scenario of a campaign (no penalty, but no Aguda either).
function H.aguda_lost(text, note)
  if gyr.leader_state("aguda") == "active" or not H.once("aguda_lost") then return false end
  local here = H.happened("started")
  if here then
    gyr.message { text = text, note = note }
  else
    gyr.message { text = "Aguda fell in an earlier campaign; his brother Wuqimai (吳乞買) leads the Jurchens.",
                  note = "Counterfactual: Aguda lived until 1123." }
  end
  for _, u in ipairs(gyr.units { faction = "jin" }) do
    if not u.leader then
      gyr.add_leader { id = "wuqimai", name = "Wanyan Wuqimai", hanzi = "完顏吳乞買", rating = 2, faction = "jin", unit = u }
      break
    end
  end
  return here
end

return H
