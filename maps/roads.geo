# roads.geo - the main roads of 1114 as chains of places (hex lines between them):
#   road "Name" PLACE PLACE ...
# Routes after the Song envoys' itineraries and the Liao post roads (m).

road "Yanjing to the Supreme Capital (envoy road)" nanjing gubeikou zhongjing shangjing
road "Supreme Capital to Qingzhou" shangjing qingzhou
road "Central Capital to the Eastern Capital" zhongjing xianzhou_beizhen dongjing
road "Coastal road through the Yu Pass" nanjing pingzhou yuguan jinzhou xianzhou_beizhen
road "Eastern Capital to Huanglong and Ningjiang" dongjing shenzhou xianzhou_kaiyuan huanglong ningjiang
road "Yanjing to the Western Capital" nanjing juyong fengsheng xijing
road "Western Capital to Fengzhou and Dongsheng" xijing tiande dongsheng
road "Yanjing to the Song border" nanjing zhuozhou xincheng baigou xiongzhou hejian
road "Song Hebei road" xiongzhou bazhou cangzhou
road "Zhending to Taiyuan (Niangzi Pass)" dingzhou zhending taiyuan
road "Yanmen road" xijing yingzhou yanmen taiyuan
road "Supreme Capital to Changchun" shangjing changchun ningjiang
