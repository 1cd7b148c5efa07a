# relief.geo - mountains and hills. "area KIND" fills a polygon; "range KIND width_km=N" buffers
# a ridge line; "gap" opens mountains to hills along a line (the passes; a place of kind pass
# also opens its own hex). Layers paint in order plain < steppe < desert < sand < forest <
# farmland < marsh < hills < mountains unless a shape gives layer=0..9. Ridges: history.md 2b (m).

# --- Greater Khingan: a broad upland (hills), mountains only on the high southern and central
# crests; larch forest in the north (cover.geo). Its passes are the low saddles between.
area hills "Greater Khingan uplands"
42.80 116.80   43.10 117.40   43.55 118.30   44.10 119.00   44.60 120.20   45.40 121.30
46.10 121.90   47.00 122.40   48.00 122.60   49.00 123.30   50.00 123.90   50.90 124.30
52.80 124.60   52.80 121.40   52.00 121.60   50.50 120.60   48.80 120.00   46.80 119.30
44.80 118.20   43.40 117.10   42.60 116.50

range mountains "Greater Khingan (Huanggangliang)" width_km=40
42.90 117.20   43.55 117.50   44.10 117.95   44.60 118.45

range mountains "Greater Khingan (Arxan crest)" width_km=40
46.20 119.85   47.00 120.10   47.80 120.70   48.40 121.35

area hills "Yilehuli Shan"
50.60 122.60   51.00 122.40   51.50 123.20   51.50 125.00   51.20 126.10   50.70 126.40
50.50 125.60   50.80 124.50

# --- Lesser Khingan: low forested hills, NW-SE
range hills "Lesser Khingan" width_km=40
50.40 126.40   49.80 127.30   49.00 128.20   48.30 128.90   47.70 129.20   47.20 129.80
46.90 130.30

# --- Changbai system: the eastern uplands are forest (cover.geo); these are their ridges.
range mountains "Changbai Shan (Baekdu)" width_km=70
41.70 127.70   42.00 128.06   42.25 128.40

range mountains "Longgang Shan" width_km=24
41.70 125.50   42.30 126.50   42.80 127.50

range mountains "Zhangguangcai Ling" width_km=36
44.00 128.20   44.80 128.30   45.50 128.20   46.10 128.30

range mountains "Laoye Ling" width_km=30
43.50 130.00   44.50 130.20   45.20 130.50

range hills "Wanda Shan" width_km=50
45.80 131.50   46.30 132.50   46.60 133.50

range mountains "Sikhote-Alin" width_km=100
43.30 134.00   44.20 135.00   45.20 136.00   46.40 137.00   48.00 138.20

range mountains "Hamgyong range" width_km=50
40.45 127.70   40.90 128.40   41.40 128.90   41.90 129.35

range mountains "Nangnim range" width_km=40
39.40 126.70   40.00 126.90   40.70 127.10   41.20 127.20

range mountains "Taebaek range" width_km=40
38.90 127.70   38.30 128.30   37.60 128.70   37.00 128.95   36.20 129.10   35.40 129.00

area hills "Liaodong hills"
38.70 121.10   39.30 121.70   40.00 122.20   40.60 122.60   40.95 122.90   41.35 123.40
41.95 124.05   42.35 124.25   42.70 124.60   42.50 125.40   41.80 125.40   41.00 124.70
40.30 124.40   39.80 123.60   39.30 122.60   38.90 121.90

range mountains "Qian Shan (Liaodong spine)" width_km=20
39.40 121.90   40.00 122.60   40.70 123.30   41.10 123.75

area hills "Korean uplands"
40.00 124.90   40.60 125.30   41.20 126.00   41.60 127.00   42.10 128.50   42.60 129.70
42.55 130.55   41.50 129.90   40.60 129.20   39.80 127.70   39.00 127.30   38.10 128.60
37.00 129.40   35.50 129.50   34.80 128.80   35.20 127.40   36.40 127.30   37.20 127.40
37.70 127.00   38.20 126.80   38.70 126.30   39.30 126.20   39.60 125.70

# --- Yan Mountains: hills between the Bashang plateau and the Yanjing plain, with the wall of
# mountains along the Great Wall line; its passes are Juyong, Gubeikou, Songting and the Yu Pass.
area hills "Yan Mountains"
40.30 115.80   40.38 116.30   40.38 117.00   40.15 118.00   39.98 119.00   40.02 119.70
40.40 119.85   40.90 119.25   41.25 118.30   41.35 117.00   41.05 115.80

range mountains "Yan Shan (Great Wall line)" width_km=34
40.45 115.75   40.48 116.40   40.62 117.10   40.52 117.70   40.40 118.35   40.20 119.00
40.07 119.60

# The Yiwulü Shan (醫巫閭山), NW of Beizhen: a ridge about 45 km N-S, 800 m, the Liao tomb hills
# (history.md Yiwulü Shan 41.70 121.65; modern relief) (m).
range hills "Yiwulü Shan" width_km=14 layer=7
41.48 121.62   41.70 121.64   41.95 121.70   42.15 121.78

range hills "Xishan (Jundu Shan)" width_km=30
39.60 115.45   39.90 115.80   40.15 115.95

gap "Juyong Pass" width_km=16
39.98 116.12   40.29 116.07   40.50 115.95
gap "Gubeikou" width_km=16
40.35 116.92   40.69 117.16   41.00 117.32
gap "Songting Pass (Xifengkou)" width_km=16
40.10 118.32   40.42 118.30   40.80 118.40
# The Liao Yu Pass at Yuguan town (Funing), as Tan Qixiang's atlas marks it, not the Ming
# Shanhaiguan 30 km E (disputed; places.geo yuguan).
gap "Yu Pass (Yuguan)" width_km=16
39.85 119.30   39.97 119.45   40.15 119.62

# --- Taihang, Hengshan, Wutai and the Shanxi uplands
area hills "Shanxi uplands (Lüliang, Taihang, Wutai)"
35.40 110.50   36.50 110.55   37.50 110.85   38.40 111.05   39.20 111.30   39.60 111.60
40.00 112.00   40.00 112.40   39.60 112.60   39.45 113.10   39.70 113.80   39.95 114.50
40.00 114.95   39.90 115.70   39.35 115.40   38.90 115.05   38.05 114.30   37.05 114.25
36.10 114.05   35.40 113.90

area plain "Datong and Sanggan basins" layer=8
39.25 112.30   39.55 112.55   39.80 112.70   40.25 112.80   40.30 113.60   40.10 114.30
40.35 114.90   40.50 115.50   40.45 115.90   40.20 115.80   39.95 114.90   39.85 114.10
39.60 113.50   39.40 112.95

area plain "Taiyuan and Xinzhou basins (Fen valley)" layer=8
38.50 112.55   38.30 112.85   37.90 112.75   37.50 112.45   37.00 112.00   36.50 111.70
36.50 111.35   37.00 111.65   37.50 112.05   37.90 112.35   38.25 112.35

range mountains "Taihang crest" width_km=36
39.95 114.95   39.50 114.70   39.00 114.40   38.50 113.95   38.00 113.80   37.50 113.65
37.00 113.55   36.50 113.55   35.90 113.55

range mountains "Wutai Shan" width_km=36
38.90 113.35   39.10 113.60   39.05 113.95

range mountains "Hengshan line (Guanqin, Yanmen, Hengshan)" width_km=24
38.85 112.05   39.05 112.50   39.18 112.87   39.40 113.35   39.67 113.73   39.55 114.20
39.45 114.70

range mountains "Lüliang Shan" width_km=36
36.40 111.20   37.00 111.30   37.60 111.45   38.20 111.60   38.70 111.85

gap "Yanmen Pass" width_km=16
38.98 112.95   39.18 112.88   39.42 112.78
gap "Zijing Pass" width_km=16
39.35 115.40   39.43 115.17   39.50 114.90
gap "Niangzi Pass" width_km=16
37.85 113.45   37.96 113.87   38.05 114.25
gap "Pingxing Pass" width_km=16
39.05 113.75   39.30 113.95   39.55 114.10

# --- Yin Mountains (Langshan, Wula Shan, Daqing Shan) and the Helan
range mountains "Langshan" width_km=36
41.40 106.70   41.20 107.40   41.05 108.30
range mountains "Wula Shan" width_km=24
40.75 108.85   40.72 109.55
range mountains "Daqing Shan" width_km=36
40.85 110.00   40.95 110.60   41.02 111.20   41.08 111.70   41.08 112.30   41.15 113.00

gap "Baidao pass (Hohhot-Wuchuan)" width_km=16
40.88 111.58   41.10 111.52   41.30 111.45
gap "Kundulun gorge (Baotou-Guyang)" width_km=16
40.65 110.00   40.90 110.05   41.15 110.10

range mountains "Helan Shan" width_km=30
39.25 106.35   38.83 105.95   38.50 105.85   38.15 105.75   37.95 105.65
gap "Sanguankou" width_km=16
38.30 105.55   38.35 105.80   38.40 106.05

area hills "Loess hills of Longxi and northern Shaanxi"
34.50 100.00   37.00 100.00   37.30 103.00   37.10 104.30   36.70 105.50   36.50 106.30   37.00 107.20   37.60 108.20   37.90 109.50   38.30 110.10
38.90 110.60   38.20 110.90   37.20 110.80   36.50 110.60   35.40 110.50   34.50 110.50

area hills "Jiaodong hills"
36.80 120.40   37.20 120.30   37.55 120.80   37.50 121.80   37.30 122.50   36.90 122.30
36.60 121.40   36.40 120.70

area hills "Taishan and Lu hills"
35.40 116.80   36.20 116.70   36.70 117.40   36.60 118.60   36.30 119.10   35.40 118.80
