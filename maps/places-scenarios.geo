# places-scenarios.geo - extra places the scenarios of scripts/scenarios/ need that places.geo lacks.
# Same format as places.geo:  place ID KIND "Pinyin" "漢字" LAT LON owner=FACTION [note="..."]
# Sites marked "weak" are approximate: placed from general knowledge where history.md gives no location.

# --- Songhua front, 1114: the prefectures that fell after Chuhedian --------------------------------
place xiangzhou    town     "Xiangzhou"          "祥州"     44.62 125.48 owner=liao note="site weak: Wanjinta ruins, Nong'an; fell after Chuhedian 1114 (JS)"

# --- Liaodong and Liaoxi ----------------------------------------------------------------------------
place haizhou      town     "Haizhou"            "海州"     40.85 122.75 owner=liao note="Haicheng, Liaodong; one of Gao Yongchang's 50 towns (m)"
place yizhou_lx    town     "Yizhou (Liaoxi)"    "宜州"     41.53 121.23 owner=liao note="Yixian; the Resentful Army's Yi camps (m)"
place longhua      town     "Longhua"            "龍化州"   43.00 120.80 owner=liao note="site weak: Naiman-Horqin area; An Sheng'er's rising 1118 (m ?)"
place yiwulu       site     "Yiwulü Shan"        "醫巫閭山" 41.85 121.55 owner=liao note="hills NW of Beizhen; Yudu's escape route 1121 (LS); point moved N of the tombs"

# --- The Xi hills between Zhongjing and the Yan passes ----------------------------------------------
place gaozhou      town     "Gaozhou"            "高州"     42.25 118.90 owner=liao note="site weak: near Chifeng; fell m.1 1122 (LS)"
place zezhou       town     "Zezhou"             "澤州"     40.95 118.65 owner=liao note="site uncertain: Pingquan area; fell m.1 1122 (LS)"
place beianzhou    town     "Bei'anzhou"         "北安州"   40.97 117.90 owner=liao note="site uncertain: Chengde area; fell m.2 1122"
place jianganshan  camp     "Jiangan Shan"       "箭笴山"   40.55 118.60 owner=liao note="site weak: Xi hills N of Pingzhou; seat of Xiao Gan's Xi state 1123 (m ?)"

# --- The steppe beyond the Yin Mountains ------------------------------------------------------------
place ongut        site     "White Tatar lands"  "白韃靼"   41.60 110.60 owner=tribes note="site weak: steppe N of the Yin Mountains; Tianzuo's Tatar allies 1123-25"
