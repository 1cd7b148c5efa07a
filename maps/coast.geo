# coast.geo - the extent of the theatre map and its seas, drawn as sea polygons in lat lon
# (decimal degrees, WGS84). Land is everywhere a sea or lake is not. Each polygon closes itself;
# the parts of a polygon outside the map only serve to close it. Coast sides are derived.
# Coast points follow Natural Earth-like modern coasts (history.md 2d) with these 1120s changes:
# no modern Yellow River delta (the coast of Bohai Bay ran further W near Dongying), and the
# Tianjin coast a little W of today's reclaimed shore.

# Longitude 104-135E, latitude 36.5-51N, projected (see docs/map.md); hexes 20 km centre to centre.
extent 36.5 51 104 135 hex_m=20000

sea "Bohai, Yellow Sea and Korea Bay"
# Liaodong peninsula, Korea Bay side, from the Yalu mouth SW to the Lushun tip
40.00 124.33   39.90 124.10   39.83 123.80   39.76 123.35   39.66 123.02   39.55 122.75
39.40 122.40   39.22 122.16   39.09 122.03   39.02 121.90   38.95 121.76   38.88 121.63
38.84 121.48   38.78 121.30   38.72 121.15
# Bohai side of the peninsula, N to the Liao mouth (Yingkou)
38.82 121.08   38.95 121.28   39.07 121.46   39.20 121.50   39.38 121.36   39.52 121.30
39.64 121.42   39.80 121.56   39.95 121.78   40.15 121.98   40.36 122.18   40.55 122.22
40.68 122.20
# Liaodong Bay, the Liaoxi coast SW to Shanhaiguan (the Yu Pass)
40.82 122.02   40.95 121.85   40.92 121.55   40.86 121.30   40.83 121.12   40.72 120.90
40.58 120.74   40.42 120.55   40.23 120.40   40.10 120.10   39.98 119.84
# Hebei coast: Qinhuangdao, the Luan mouth, Tianjin and the Jiehe mouth
39.90 119.60   39.75 119.40   39.58 119.28   39.41 119.22   39.22 118.95   39.15 118.70
39.13 118.45   39.18 118.20   39.13 117.90   39.00 117.72   38.80 117.62   38.60 117.62
38.40 117.68
# Bohai Bay S shore without the modern delta, Laizhou Bay, Shandong N coast to Dengzhou
38.20 117.88   38.02 118.10   37.80 118.38   37.55 118.62   37.30 118.85   37.12 119.05
37.10 119.30   37.13 119.60   37.18 119.78   37.35 119.92   37.50 120.12   37.65 120.28
37.75 120.45   37.84 120.75
# Shandong tip: Yantai, Weihai, Chengshan; then the S coast to Qingdao
37.72 121.00   37.60 121.25   37.55 121.45   37.45 121.65   37.50 122.00   37.48 122.25
37.40 122.45   37.40 122.68   37.15 122.55   37.02 122.45   36.88 122.25   36.80 121.95
36.74 121.55   36.65 121.20   36.45 120.88   36.30 120.68   36.12 120.55   36.02 120.28
35.80 120.08   35.50 119.70   35.00 119.35
# around the south, outside the map
34.00 119.30   34.00 126.30
# Korea west coast, S to N, to the Yalu mouth
34.80 126.40   35.50 126.50   36.00 126.60   36.45 126.45   36.95 126.78   37.29 126.79
37.62 126.61   37.79 126.62   37.83 126.20   37.87 125.94   37.82 125.58   37.84 125.31
38.04 125.19   38.11 124.91   38.23 124.87   38.56 125.07   38.74 125.30   38.95 125.22
39.15 125.35   39.29 125.41   39.45 125.30   39.58 125.18   39.70 124.95   39.76 124.78
39.79 124.56   39.92 124.40

sea "Sea of Japan"
# Korea east coast, S to N, to the Tumen mouth
35.00 129.30   35.50 129.42   36.05 129.57   36.47 129.45   37.00 129.40   37.27 129.34
37.75 128.92   38.18 128.62   38.68 128.33   38.95 127.92   39.18 127.50   39.40 127.55
39.60 127.50   39.80 127.60   39.92 127.85   40.03 128.11   40.20 128.61   40.43 128.95
40.73 129.34   40.90 129.55   41.12 129.71   41.35 129.75   41.59 129.69   41.78 129.82
41.92 129.95   42.05 130.12   42.22 130.38   42.30 130.68
# Primorye, SW to NE: Posyet, Amur Bay, Vladivostok, Ussuri Bay, Nakhodka, beyond
42.55 130.78   42.67 130.80   42.72 131.05   42.85 131.30   43.05 131.50   43.28 131.78
43.08 131.90   43.00 131.98   43.25 132.20   43.05 132.35   42.85 132.60   42.80 132.90
42.76 133.33   42.83 133.71   43.04 134.16   43.25 134.55   43.43 134.92   43.68 135.26
44.10 135.75   44.60 136.40   45.20 137.20   45.80 137.85   46.50 138.40   47.20 138.90
48.00 139.50   49.00 140.30   50.50 140.60
# around the east and south, outside the map
50.50 142.00   34.00 142.00   34.00 129.30
