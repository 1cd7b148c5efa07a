-- units.lua - the unit types of the Jin-Liao wars. One step is about 1,000 men.
-- Fields: id, name, class (heavy_cavalry | horse_archers | infantry | levy | siege), steps (full
-- strength), attack and defence (per step), move (movement points per turn), sight (hexes),
-- zoc (exerts a zone of control; default true). Sources: reference/history.md section 3.
return {
  -- generic types, for test maps and modders
  { id = "heavy_cavalry", name = "Heavy cavalry", class = "heavy_cavalry",
    steps = 4, attack = 6, defence = 4, move = 6, sight = 3 },
  { id = "horse_archers", name = "Horse archers", class = "horse_archers",
    steps = 4, attack = 4, defence = 3, move = 8, sight = 4 },
  { id = "infantry", name = "Infantry", class = "infantry",
    steps = 4, attack = 3, defence = 4, move = 4, sight = 2 },
  { id = "levy", name = "Levy", class = "levy",
    steps = 3, attack = 2, defence = 2, move = 4, sight = 2 },
  { id = "siege_train", name = "Siege train", class = "siege",
    steps = 2, attack = 4, defence = 1, move = 3, sight = 1, zoc = false },

  -- Jin (Jurchen): armoured lancers and horse archers who fight dismounted when they must
  { id = "jurchen_heavy_cavalry", name = "Jurchen armoured cavalry", class = "heavy_cavalry",
    steps = 4, attack = 7, defence = 5, move = 6, sight = 3 },
  { id = "jurchen_horse_archers", name = "Jurchen horse archers", class = "horse_archers",
    steps = 4, attack = 5, defence = 3, move = 8, sight = 4 },

  -- Liao (Khitan): ordo and Pishi guard cavalry, tribal horse, Xi horse
  { id = "khitan_heavy_cavalry", name = "Khitan ordo cavalry", class = "heavy_cavalry",
    steps = 4, attack = 6, defence = 4, move = 6, sight = 3 },
  { id = "khitan_horse_archers", name = "Khitan horse archers", class = "horse_archers",
    steps = 4, attack = 4, defence = 3, move = 8, sight = 4 },
  { id = "xi_cavalry", name = "Xi cavalry", class = "horse_archers",
    steps = 3, attack = 4, defence = 3, move = 8, sight = 4 },

  -- Bohai (Balhae) of Liaodong: foot and horse
  { id = "bohai_infantry", name = "Bohai infantry", class = "infantry",
    steps = 4, attack = 3, defence = 4, move = 4, sight = 2 },
  { id = "bohai_cavalry", name = "Bohai cavalry", class = "heavy_cavalry",
    steps = 3, attack = 5, defence = 3, move = 6, sight = 3 },

  -- Han Chinese of the Liao: foot, militia, the Resentful Army, siege workers
  { id = "han_infantry", name = "Han infantry", class = "infantry",
    steps = 4, attack = 3, defence = 4, move = 4, sight = 2 },
  { id = "han_militia", name = "Han militia", class = "levy",
    steps = 3, attack = 2, defence = 3, move = 4, sight = 2 },
  { id = "yuanjun", name = "Resentful Army", class = "infantry",
    steps = 4, attack = 3, defence = 3, move = 4, sight = 2 },
  { id = "siege_engines", name = "Siege engines", class = "siege",
    steps = 2, attack = 5, defence = 1, move = 3, sight = 1, zoc = false },

  -- Song: infantry-heavy, strong crossbows; the Shaanxi Western Army the best of them
  { id = "song_infantry", name = "Song infantry", class = "infantry",
    steps = 4, attack = 3, defence = 5, move = 4, sight = 2 },
  { id = "song_crossbowmen", name = "Song crossbowmen", class = "infantry",
    steps = 3, attack = 4, defence = 5, move = 4, sight = 2 },
  { id = "song_western_army", name = "Song Western Army", class = "infantry",
    steps = 4, attack = 4, defence = 5, move = 4, sight = 2 },
  { id = "song_cavalry", name = "Song cavalry", class = "heavy_cavalry",
    steps = 3, attack = 4, defence = 3, move = 5, sight = 3 },

  -- Western Xia (Tangut): Iron Hawk heavy cavalry, hill infantry, camel catapults
  { id = "xia_iron_hawks", name = "Xia Iron Hawks", class = "heavy_cavalry",
    steps = 3, attack = 7, defence = 4, move = 6, sight = 3 },
  { id = "xia_infantry", name = "Xia hill infantry", class = "infantry",
    steps = 4, attack = 3, defence = 4, move = 5, sight = 2 },
  { id = "xia_camel_catapults", name = "Xia camel catapults", class = "siege",
    steps = 2, attack = 4, defence = 1, move = 5, sight = 1, zoc = false },

  -- tribes: Five Nations, Zubu, Tatars of the Yin Mountains
  { id = "tribal_horse_archers", name = "Tribal horse archers", class = "horse_archers",
    steps = 3, attack = 3, defence = 2, move = 8, sight = 4 },
  { id = "tribal_levy", name = "Tribal levy", class = "levy",
    steps = 3, attack = 2, defence = 2, move = 5, sight = 2 },
}
