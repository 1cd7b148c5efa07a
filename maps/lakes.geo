# lakes.geo - lakes as polygons (lat lon). A lake smaller than a hex still floods the hex at
# its middle. Shapes follow the modern lakes (history.md 2c) unless noted.

lake "Hulun Nur"
48.55 117.28   48.60 117.05   48.80 116.99   49.05 117.15   49.25 117.45   49.35 117.75
49.30 118.00   49.10 117.95   48.90 117.78   48.70 117.55

lake "Buir Nur"
47.68 117.62   47.80 117.53   47.96 117.62   47.93 117.85   47.75 117.87

lake "Chagan Nur"
45.36 124.18   45.30 124.10   45.17 124.22   45.11 124.36   45.17 124.44   45.28 124.33

lake "Yueliang Pao"
45.78 123.82   45.66 123.84   45.65 123.98   45.76 123.98

lake "Lake Khanka (Xingkai)"
44.55 132.40   44.65 132.08   44.95 132.00   45.20 132.15   45.33 132.45   45.30 132.75
45.05 132.81   44.75 132.70

lake "Jingpo Hu"
43.80 128.86   43.93 128.90   44.08 129.00   44.10 129.06   43.95 128.98   43.82 128.93

lake "Dalai Nur"
43.22 116.52   43.33 116.45   43.40 116.62   43.30 116.72

# Daihai (岱海), Liangcheng: not one of the Liao camp lakes of history.md; drawn and named so that
# it is not read as Baishui.
lake "Daihai"
40.52 112.60   40.60 112.62   40.62 112.75   40.53 112.75

# Baishui lake (白水濼), the Liao camp lake: Huangqi Hai (黃旗海), Qahar Right Front Banner, after
# history.md (?); the modern lake (about 20 x 10 km) drawn to its old
# high-water line on the N side, so that it fills the hex N of the camp on its S shore (m).
lake "Baishui (Huangqi Hai)"
40.96 113.18   41.02 113.32   40.97 113.45   40.86 113.42   40.85 113.24

# Yuanyang lake (鴛鴦濼): Angulinao (安固里淖), Zhangbei, a dried lake; its old extent, about
# 12 x 8 km, after history.md (?) (m).
lake "Yuanyang (Angulinao)"
41.40 114.30   41.42 114.42   41.36 114.48   41.31 114.42   41.33 114.30
