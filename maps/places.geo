# places.geo - named places of the theatre in 1114: capitals, towns, fortresses, passes, camps, sites.
# One line each:  place ID KIND "Pinyin" "漢字" LAT LON owner=FACTION [note="..."]
# ID is stable lowercase ascii (scenarios refer to it); KIND is capital|city|town|fortress|pass|camp|site;
# owner is the holder in summer 1114 (liao, jurchen, song, xia, goryeo, tribes). Sources: shared history.md.

# --- The five Liao capitals and the Jurchen headquarters -------------------------------------
place shangjing     capital  "Shangjing"          "上京臨潢府" 43.95 119.38 owner=liao note="Linhuang fu, ruins S of Lindong"
place zhongjing     capital  "Zhongjing"          "中京大定府" 41.60 119.18 owner=liao note="Dading fu, Damingcheng on the Laoha"
place dongjing      capital  "Dongjing"           "東京遼陽府" 41.27 123.17 owner=liao note="Liaoyang fu, on the Taizi"
place nanjing       capital  "Nanjing (Yanjing)"  "南京析津府" 39.88 116.35 owner=liao note="Xijin fu, SW Beijing"
place xijing        capital  "Xijing (Yunzhong)"  "西京大同府" 40.09 113.30 owner=liao note="Datong fu"
place huining       capital  "Huining"            "會寧"       45.49 126.97 owner=jurchen note="Aguda's camp on the Anchuhu; Jin capital from 1115"

# --- The Songhua (Huntong) front, 1114-1115 ------------------------------------------------------
place ningjiang     fortress "Ningjiang"          "寧江州"     45.25 124.90 owner=liao note="site disputed: Bodu chosen over Sidaomen and Shitouchengzi"
place chuhedian     camp     "Chuhedian"          "出河店"     45.56 124.72 owner=liao note="site disputed: N bank at Maoxing chosen over S of the confluence; +-0.2"
place deshengtuo    site     "Deshengtuo"         "得勝陀"     45.35 125.80 owner=jurchen note="muster hill of 1114, near Shibeiwaizi; +-0.15"
place binzhou       fortress "Binzhou"            "賓州"       44.95 125.75 owner=liao note="site weak: N of Nong'an on the Songhua"
place daluguchang   town     "Daluguchang"        "達魯古城"   45.10 124.60 owner=liao note="site weak: W of Ningjiang"
place huanglong     fortress "Huanglong"          "黃龍府"     44.43 125.17 owner=liao note="Nong'an; Liao NE frontier HQ"
place hubudagang    site     "Hubudagang"         "護步答岡"   44.90 126.90 owner=jurchen note="site disputed: W of Wuchang chosen over N of the Songhua"
place changchun     town     "Chunzhou"           "長春州"     45.43 124.37 owner=liao note="Liao Changchun zhou (not modern Changchun); site disputed: Tahucheng over Chengsijiazi"
place taizhou       town     "Taizhou"            "泰州"       46.60 122.90 owner=liao note="site disputed: Tazicheng (Tailai) chosen over Chengsijiazi"
place wuguo         town     "Wuguo Toucheng"     "五國頭城"   46.32 129.57 owner=tribes note="Yuelji, head town of the Five Nations, Yilan"
place pennuli       town     "Pennuli"            "盆奴里"     46.73 129.90 owner=tribes note="one of the Five Nations, Tangyuan"
place yuelidu       town     "Yuelidu"            "越里篤"     47.00 130.70 owner=tribes note="one of the Five Nations, N of Huachuan; approximate"
place aolimi        town     "Aolimi"             "奧里米"     47.30 131.75 owner=tribes note="one of the Five Nations, W of Suibin; approximate"
place pouali        town     "Pou'ali"            "剖阿里"     48.48 135.00 owner=tribes note="one of the Five Nations, at Khabarovsk (east map edge)"
place tongjiang     site     "Tongjiang"          "同江"       47.60 132.45 owner=tribes note="Songhua-Amur confluence"

# --- Liaodong and Liaoxi, 1116-1118 ---------------------------------------------------------------
place shenzhou      town     "Shenzhou"           "瀋州"       41.80 123.43 owner=liao note="Shenyang, on the Hun"
place xianzhou_beizhen town  "Xianzhou (Beizhen)" "顯州"       41.60 121.80 owner=liao note="Beizhen, below the Yiwulu Shan tombs"
place xianzhou_kaiyuan fortress "Xianzhou (Kaiyuan)" "咸州"    42.55 124.03 owner=liao note="Laocheng, Kaiyuan; frontier prefecture facing the Jurchen"
place qianzhou      town     "Qianzhou"           "乾州"       41.55 121.55 owner=liao note="Qianling tomb town near Beizhen; site uncertain"
place jilishan      site     "Jilishan"           "蒺藜山"     41.78 122.00 owner=liao note="battlefield of 1117 near Xianzhou (Beizhen); site approximate: not located in the sources"
place jinzhou       town     "Jinzhou"            "錦州"       41.10 121.13 owner=liao
place hesuguan      town     "Hesuguan"           "曷蘇館"     40.00 122.30 owner=liao note="district of the registered Jurchen, Gaizhou-Fuzhou area; site weak"
place baozhou       fortress "Baozhou (Poju)"     "保州"       40.20 124.53 owner=liao note="Uiju on the Yalu; to Goryeo 1117"
place kaizhou       town     "Kaizhou"            "開州"       40.45 124.05 owner=liao note="Fengcheng, Liaodong"
place guangping     camp     "Guangping Dian"     "廣平淀"     43.30 120.50 owner=liao note="Liao winter camp near the Xar Moron-Laoha confluence; approximate"

# --- The Liao steppe heartland and Tianzuo's flight -----------------------------------------------
place qingzhou      town     "Qingzhou"           "慶州"       44.15 118.55 owner=liao note="White Pagoda, Bairin Right Banner"
place raozhou       town     "Raozhou"            "饒州"       43.45 118.10 owner=liao note="S of Linxi near the Xar Moron; site uncertain"
place yuanyang      camp     "Yuanyang Lake"      "鴛鴦濼"     41.33 114.40 owner=liao note="camp on the E shore of Angulinao (dried lake), Zhangbei; site uncertain"
place baishui       camp     "Baishui Lake"       "白水濼"     40.85 113.25 owner=liao note="camp on the S shore of Huangqi Hai, Qahar Right Front Banner; site uncertain"
place jiashan       camp     "Jiashan"            "夾山"       40.95 111.25 owner=liao note="refuge in the Daqing Shan NW of Hohhot; +-0.2"
place qingzhong     camp     "Qingzhong"          "青冢"       40.73 111.66 owner=liao note="Zhaojun Tomb, S of Hohhot"
place tiande        town     "Tiande (Fengzhou)"  "豐州天德軍" 40.81 111.82 owner=liao note="Baita, E of Hohhot; site uncertain"
place dongsheng     town     "Dongsheng"          "東勝州"     40.27 111.19 owner=liao note="Togtoh; Yellow River crossing to the Ordos"
place yingzhou      town     "Yingzhou"           "應州"       39.55 113.19 owner=liao note="Ying County; Tianzuo taken near here 1125"
place shuozhou      town     "Shuozhou"           "朔州"       39.33 112.43 owner=liao
place kedun         fortress "Kedun (Zhenzhou)"   "可敦城"     47.86 104.25 owner=liao note="site disputed: Chintolgoi Balgas chosen; W map edge"
place khongirad     site     "Khongirad lands"    "王紀剌"     47.80 118.00 owner=tribes note="Khalkha river steppe; identification conventional"

# --- The Yan region and the Song border ------------------------------------------------------------
place juyong        pass     "Juyong Pass"        "居庸關"     40.29 116.07 owner=liao
place gubeikou      pass     "Gubeikou"           "古北口"     40.69 117.16 owner=liao
place songting      pass     "Songting Pass"      "松亭關"     40.42 118.30 owner=liao note="near Xifengkou; site uncertain"
place yuguan        pass     "Yu Pass"            "榆關"       39.97 119.45 owner=liao note="site disputed: Yuguan town, Funing (Tan Qixiang) chosen over Shanhaiguan, 30 km E"
place pingzhou      town     "Pingzhou"           "平州"       39.88 118.87 owner=liao note="Lulong"
place zhuozhou      town     "Zhuozhou"           "涿州"       39.49 115.97 owner=liao
place yizhou        town     "Yizhou"             "易州"       39.35 115.50 owner=liao note="Yi County"
place xincheng      town     "Xincheng"           "新城"       39.34 115.85 owner=liao note="Zhuozhou Xincheng, Gaobeidian"
place fengsheng     town     "Fengsheng"          "奉聖州"     40.38 115.22 owner=liao note="Zhuolu; site uncertain"
place lugou         site     "Lugou"              "盧溝"       39.84 116.13 owner=liao note="the Sanggan crossing W of Yanjing (39.85 116.21); moved 7 km W off Nanjing's hex"
place baigou        site     "Baigou"             "白溝"       39.13 116.00 owner=liao note="crossing of the border river; the S bank is Song"
place xiongzhou     fortress "Xiongzhou"          "雄州"       38.99 116.10 owner=song note="Song frontier base"
place bazhou        fortress "Bazhou"             "霸州"       39.10 116.40 owner=song note="Song frontier prefecture"
place hejian        city     "Hejian"             "河間府"     38.44 116.10 owner=song
place dingzhou      city     "Dingzhou"           "定州"       38.52 114.99 owner=song
place zhending      city     "Zhending"           "真定府"     38.15 114.57 owner=song note="Zhengding"
place cangzhou      town     "Cangzhou"           "滄州"       38.30 116.84 owner=song
place yanmen        pass     "Yanmen Pass"        "雁門關"     39.18 112.90 owner=song note="Song side of the Hengshan line"
place taiyuan       city     "Taiyuan"            "太原府"     37.87 112.55 owner=song
place fuzhou_song   fortress "Fuzhou"             "府州"       39.03 111.07 owner=song note="Fugu, the Zhe family's Yellow River fort"
place dengzhou      town     "Dengzhou"           "登州"       37.82 120.75 owner=song note="Penglai; port of the sea route to the Jin"

# --- Western Xia and Goryeo ----------------------------------------------------------------------------
place xingqing      capital  "Xingqing"           "興慶府"     38.47 106.27 owner=xia note="Yinchuan"
place lingzhou      city     "Lingzhou"           "靈州"       38.05 106.30 owner=xia note="Xiping fu, near Wuzhong"
place seogyeong     city     "Seogyeong (Pyongyang)" "西京"    39.03 125.75 owner=goryeo note="Goryeo Western Capital"
place gaegyeong     capital  "Gaegyeong"          "開京"       37.97 126.55 owner=goryeo note="Kaesong, Goryeo capital"
