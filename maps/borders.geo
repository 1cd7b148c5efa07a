# borders.geo - the political borders of summer 1114, as lines in lat lon, for the map picture
# (who holds a place or a hex during play is game state). history.md 1f; all approximate.
#   border ID "Name" [note="..."]  followed by points

border song_liao "Song-Liao border (Chanyuan, 1005)" note="approximate: Jiehe mouth, Baigou/Juma river, Taihang and Hengshan crests, Yellow River at Hequ"
38.98 117.70   39.05 117.20   39.12 116.90   39.22 116.50   39.20 116.25   39.13 116.00   39.20 115.85   39.22 115.55
39.30 115.30   39.43 115.17   39.45 114.70   39.30 114.00   39.20 113.50   39.18 112.90   39.15 112.30
39.35 111.15

border liao_xia "Liao-Xia border" note="?: the Yellow River's Ordos loop; Xia held the W Hetao up to the Langshan"
39.35 111.15   39.58 111.43   40.01 111.41   40.27 111.00   40.37 110.51   40.52 110.08
40.49 109.45   40.70 109.00   41.30 108.60   42.20 108.20   43.00 107.80

border liao_goryeo "Liao-Goryeo border" note="the lower Yalu, then the Goryeo long wall to the E coast near Jeongpyeong"
40.15 124.40   40.00 124.90   40.05 125.60   40.00 126.20   39.90 126.90   39.80 127.45
39.78 127.57

# The frontier bends E round Binzhou (Liao until 1115) and W of Deshengtuo, the Jurchen muster
# hill on the lower Laliu (history.md 1a).
border liao_jurchen "Liao-Jurchen frontier" note="?: the old trench about 40 km W of the Laliu, E of Ningjiang, Binzhou, Huanglong and Xianzhou"
46.20 125.30   45.45 125.40   45.20 125.62   44.95 126.00   44.40 125.95   43.60 125.45
42.70 124.75   42.00 125.20   41.50 126.00   41.10 126.40
