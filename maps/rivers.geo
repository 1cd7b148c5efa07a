# rivers.geo - rivers as polylines from source (or map edge) to mouth, in lat lon.
#   river ID major|minor "Name" into=sea|edge|RIVER_ID
# into=RIVER_ID joins that river; into=edge ends at the map edge or in a lake. Major rivers are
# obstacles except at fords and bridges (or frozen). Waypoints: history.md 2a; [NE] modern
# courses thinned from Natural Earth, (m) approximate to about 0.25 degree. Rivers are traced on
# hexsides as continuous chains; a tributary stops where it meets the river it joins.
#   ford|bridge RIVER_ID LAT LON "Name"   marks the side of that river nearest the point.

# --- Amur basin ----------------------------------------------------------------------------------
river amur major "Amur (Heilong)" into=edge
52.60 125.60   52.00 126.50   51.45 126.80   50.99 127.02   50.55 127.35   50.25 127.55
49.67 127.71   49.46 128.82   49.20 129.79   48.87 130.36   48.13 130.71   47.69 131.00
47.70 132.15   47.89 132.64   48.11 133.14   48.36 134.21   48.45 135.00   48.70 135.30
49.20 135.80

river zeya minor "Zeya" into=amur
52.80 127.90   52.00 128.10   51.40 128.00   50.85 127.75   50.45 127.55   50.27 127.55

river songhua major "Songhua (Huntong)" into=amur
45.45 124.67   45.39 125.16   45.49 125.74   45.70 126.27   45.77 126.63   45.94 126.80
45.94 127.28   45.95 127.77   45.96 128.30   45.95 128.86   46.18 129.20   46.45 129.42   46.50 129.65
46.78 130.10   46.83 130.33   47.03 130.65   47.21 131.14   47.40 132.14   47.68 132.52
47.85 132.60

river second_songhua major "Second Songhua" into=songhua
42.00 128.06   42.40 128.10   42.60 127.55   42.75 127.20   43.05 126.95   43.45 126.88
43.72 126.68   43.85 126.55   44.25 126.40   44.72 125.95   45.00 125.35   45.15 124.80
45.32 124.72   45.45 124.67

river nen major "Nen" into=songhua
51.30 124.60   50.70 124.85   50.10 125.05   49.15 125.15   48.50 124.75   47.90 124.35
47.35 123.85   46.80 123.65   46.30 123.80   45.90 124.00   45.52 124.28   45.45 124.67

river taoer minor "Taoer" into=nen
46.75 120.30   46.40 121.00   46.08 122.08   45.75 122.45   45.33 122.78   45.38 123.25
45.52 123.62   45.62 123.95   45.75 124.05

river lalin minor "Lalin (Laliu)" into=songhua
44.45 127.85   44.80 127.40   44.95 127.05   45.15 126.70   45.25 126.30   45.40 125.95
45.50 125.72

river ashi minor "Ashi (Anchuhu)" into=songhua
45.15 127.45   45.35 127.15   45.49 126.98   45.65 126.85   45.83 126.78

river hulan minor "Hulan" into=songhua
47.30 128.40   46.98 128.00   46.88 127.50   46.60 126.90   46.25 126.32   46.00 126.55
45.88 126.62

# Yilan (Wuguo Toucheng) is on the S bank of the Songhua and the W bank of the Mudan at their
# confluence: both waypoints there are moved ~10 km N and E of the town.
river mudan minor "Mudan (Hurka)" into=songhua
43.10 128.00   43.37 128.23   43.65 128.60   43.90 128.90   44.25 129.35   44.58 129.62
45.30 129.55   45.90 129.58   46.20 129.68   46.48 129.66

river ussuri major "Ussuri" into=amur
43.55 134.30   44.15 133.87   44.70 133.60   45.10 133.50   45.48 133.42   45.93 133.72
46.45 134.00   46.85 134.25   47.50 134.75   48.00 134.85   48.45 135.05

# The Hailar flows W past Hailar and turns N into the Argun below Hulun Nur's outlet (the Dalan
# Olom channel); the Argun (Ergune) then runs NE along the modern border to the Shilka, N of the
# map. [NE]; the confluence near Abagaitui (49.58 117.80) (m).
river argun minor "Argun (Ergune)" into=edge
49.58 117.80   49.95 118.30   50.25 118.90   50.55 119.25   50.95 119.55   51.35 119.95
51.75 120.45   52.10 120.85   52.40 121.05   52.80 121.30

river hailar minor "Hailar" into=argun
49.35 122.00   49.20 120.80   49.21 119.72   49.35 118.80   49.50 118.20   49.58 117.80

# The Selenge basin in the NW corner [NE] (m): the Orkhon from the Khangai past Kharkhorin,
# joined by the Tuul at Orkhontuul, into the Selenge at Sukhbaatar. The Tuul from the Khentii
# through Ulaanbaatar (Khan-uul) and round its S bend and N past Chintolgoi (Kedun, 5 km W of it).
river selenge minor "Selenge" into=edge
49.25 100.70   49.55 101.80   49.80 102.90   49.90 103.80   50.05 104.70   50.20 105.50
50.23 106.20   50.60 106.45   51.10 106.60   51.60 107.00   52.10 107.30

river orkhon minor "Orkhon" into=selenge
46.80 101.95   47.20 102.80   47.70 103.05   48.20 103.30   48.60 103.70   48.85 104.30
48.85 104.82   49.20 105.40   49.60 105.90   50.00 106.10   50.23 106.20

river tuul minor "Tuul" into=orkhon
48.55 108.20   48.20 107.80   47.98 107.40   47.90 106.90   47.80 106.40   47.78 105.90
47.85 105.25   47.55 104.75   47.60 104.50   47.86 104.45   48.30 104.50   48.60 104.65
48.85 104.82

river kherlen minor "Kherlen" into=edge
47.55 108.70   47.25 109.50   47.32 110.66   47.60 112.20   48.07 114.50   48.05 115.70
48.30 116.50   48.58 117.05

river khalkha minor "Khalkha" into=edge
47.15 119.95   47.40 119.30   47.65 118.70   47.85 118.20   47.87 117.88

# --- Liao basin and Liaoxi -------------------------------------------------------------------------
# The Liao: the West Liao from the Xar Moron-Laoha confluence, then the lower Liao to the sea at
# Yingkou (the 1120s mouth, with the Hun and Taizi joining above it; the Panjin cut is modern).
river liao major "Liao" into=sea
43.42 120.70   43.52 121.35   43.52 122.03   43.80 122.62   43.69 123.16   43.48 123.55
43.20 123.55   42.98 123.55   42.50 123.77   42.20 123.51   42.08 123.03   41.58 122.68
41.13 122.40   40.85 122.22   40.70 122.22

river xar_moron minor "Xar Moron (Huang)" into=liao
42.60 117.20   43.06 117.35   43.19 117.87   43.28 118.47   43.23 119.22   43.35 119.90
43.42 120.60

river laoha minor "Laoha (Tu)" into=liao
41.20 118.45   41.45 118.95   41.60 119.20   41.95 119.50   42.35 119.75   42.75 120.05
43.10 120.30   43.40 120.62

river east_liao minor "East Liao" into=liao
42.70 125.45   42.90 125.12   43.20 124.80   43.35 124.35   43.15 123.95   42.98 123.60

river hun minor "Hun" into=liao
42.05 125.00   41.90 124.50   41.85 123.95   41.70 123.40   41.45 122.95   41.15 122.55
40.95 122.35

river taizi minor "Taizi" into=hun
41.45 124.60   41.30 123.77   41.27 123.17   41.10 122.80   40.98 122.42

river daling minor "Daling" into=sea
40.70 119.05   41.24 119.40   41.57 120.45   41.53 121.24   41.17 121.36   40.95 121.45

# --- Korea borders and Korea -----------------------------------------------------------------------
river yalu major "Yalu (Amnok)" into=sea
41.98 128.12   41.65 128.15   41.42 128.18   41.60 127.60   41.81 126.91   41.45 126.50
41.12 126.19   40.85 125.75   40.46 124.96   40.12 124.38   39.95 124.28

river tumen minor "Tumen" into=sea
41.98 128.30   42.20 128.85   42.23 129.20   42.44 129.75   42.77 129.85   42.96 129.84
42.80 130.25   42.55 130.55   42.32 130.68

# The Taedong runs SE of Pyongyang (the walled city is on its NW bank); waypoints ~10 km SE.
river taedong minor "Taedong" into=sea
40.05 126.60   39.55 126.10   39.20 125.95   39.00 125.86   38.85 125.72   38.76 125.50
38.72 125.30

# --- Yan, Hebei and Shanxi -------------------------------------------------------------------------
river luan minor "Luan" into=sea
41.35 116.10   41.80 116.20   42.15 116.50   42.05 117.05   41.70 117.40   41.30 117.75
40.95 117.95   40.62 118.20   40.40 118.32   40.05 118.65   39.75 118.75   39.45 119.20

river chao minor "Chao (Bai)" into=sanggan
41.30 116.75   40.95 116.95   40.69 117.12   40.38 116.85   40.05 116.72   39.75 116.75
39.40 117.00   39.12 117.18

river sanggan minor "Sanggan (Lugou)" into=yellow_north
39.00 112.20   39.33 112.45   39.65 113.20   39.95 113.75   40.10 114.15   40.25 114.75
40.35 115.30   40.35 115.65   40.05 115.95   39.85 116.21   39.50 116.50   39.10 117.20

river juma minor "Juma (Baigou, border river)" into=yellow_north
39.43 115.17   39.35 115.60   39.20 115.85   39.13 116.00   39.20 116.25   39.22 116.50
39.10 116.90   39.02 117.25

# Banks on the 20 km grid (history.md places; courses [NE]): the Hutuo passes S of Zhengding (the
# town is on its N bank), the Fen W of Taiyuan (the Song city of 982 is on the E bank), the Juma N
# of Song Bazhou (the Song side); waypoints moved up to 12 km off the modern channel so the hexside
# falls on the right side of the town's hex.
river hutuo minor "Hutuo" into=yellow_north
39.20 113.55   39.00 113.00   38.70 112.75   38.45 113.10   38.30 113.70   38.25 114.20
38.10 114.45   37.98 114.65   38.05 114.90   38.15 115.20   38.25 115.80   38.35 116.30   38.50 116.70

river fen minor "Fen" into=edge
38.95 111.95   38.55 112.15   38.10 112.38   37.90 112.36   37.70 112.40   37.40 112.30   37.00 111.90
36.50 111.60   35.90 111.45

# --- The Yellow River -------------------------------------------------------------------------------
# Upper course and the Ordos loop [NE] (modern channel; the 1120s Hetao channel may have run
# along the northern Wujia channel). It leaves the map southwards between Shanxi and Shaanxi.
river yellow major "Yellow River" into=edge
35.95 103.40   36.10 104.03   36.43 104.35   36.67 104.72   36.95 104.33   37.31 104.58
37.46 105.00   37.52 105.65   37.81 105.96   38.18 106.25   38.47 106.45   38.64 106.56
39.02 106.85   39.48 106.76   40.02 106.72   40.40 107.15   40.74 107.60   40.87 108.07
40.70 108.55   40.55 108.99   40.49 109.45   40.52 110.08   40.37 110.51   40.27 111.00
40.01 111.41   39.58 111.43   39.30 111.19   38.92 111.00   38.44 110.80   38.01 110.51
37.61 110.78   37.22 110.61   36.82 110.39   36.24 110.46   35.60 110.55

# The northern course of 1099-1128 through Hebei to the sea near Tianjin (history.md 2a, ??):
# it re-enters the map from the south and reaches the sea through the lower Jiehe.
river yellow_north major "Yellow River (northern course)" into=sea
35.70 115.10   36.30 115.35   36.90 115.70   37.50 116.00   38.10 116.35   38.60 116.85
39.00 117.35   38.99 117.72

# --- Fords and bridges --------------------------------------------------------------------------------
ford songhua 45.46 124.78 "Chuhedian crossing (the Jurchen crossed on the ice, 1114)"
ford second_songhua 44.85 125.70 "Aguda's ford towards Huanglong (1115, water to the horses' bellies)"
ford liao 41.98 122.90 "Liao crossing on the Dongjing-Zhongjing road"
ford yellow 40.25 111.10 "Junmajin ferry below Dongsheng"
ford yalu 40.15 124.45 "Baozhou crossing"
ford sanggan 39.85 116.21 "Lugou ferry (the stone bridge is of 1189)"
