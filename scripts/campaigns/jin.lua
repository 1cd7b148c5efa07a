-- jin.lua - the Jin campaign: Aguda's war from the muster on the Laliu (1114) to the capture
-- of the last Liao emperor (1125), six scenarios with the years between told as interludes.
-- The core of the Jin army and its commanders carry over from one scenario to the next.

campaign {
  id = "jin_campaign", title = "The Jin Campaign: Aguda's War", years = "1114-1125", side = "jin",
  briefing = [[
In 1114 the Wanyan Jurchens of the Anchuhu were a tribal confederation of a few thousand
horsemen on the edge of the Liao empire. Eleven years later their state, the Great Jin, had
destroyed the Liao and held all of Manchuria and the north of China to the Great Wall.

You command the Jin through six campaigns. Aguda's armoured guard, the mouke of Loushi, Nianhan,
Wolu, Xieye and Woliduo, and the defector Yelü Yudu carry their losses and their experience from
one scenario to the next; a commander who falls stays dead. Between the scenarios an interlude
tells what happened in the years that are skipped.]],
  scenarios = {
    { id = "ningjiang1114", interlude = [[
1113. Aguda (完顏阿骨打), who refused to dance for Emperor Tianzuo at the First-Fish feast of 1112,
is chosen chief of the Wanyan. He demands the return of the fugitive chief Ashu, and when the
Liao refuse, he builds forts on the frontier. In the 9th month of 1114 he calls his clans to the
Laliu river.]] },
    { id = "huanglong1115", interlude = [[
Winter 1114-1115. After Chuhedian the prefectures of Bin, Xiang and Xian (咸州) fall, the Bohai
and the registered Jurchens of Liaodong come over, and for the first time the Jurchen army
passes 10,000 men: "if the Jurchens reach ten thousand they cannot be withstood". Xiao Sixian
escapes punishment, and the Khitan generals lose heart. (QDGZ, JS)

On the first day of 1115 (28 January) Aguda proclaims himself emperor of the Great Jin (大金),
era Shouguo. At the end of the 1st month his men rout the Liao "defend-and-farm" army at
Daluguchang and carry off thousands of ploughs. In the 5th month, the heat, he rests at home.
In the west, Gu Yu's Bohai revolt at Raozhou is put down. (JS, LS)]] },
    { id = "dongjing1116", interlude = [[
Early 1116. Hubudagang has broken the emperor's army. Yelü Zhangnu's rebels, who plundered the
Supreme Capital district, are scattered by a small band of Jurchens in Liao service; Zhangnu is
caught trying to reach the Jin disguised as a messenger and executed with some two hundred
nobles. In the Eastern Capital the Bohai soldiers are ready to rise. (LS, summary)]] },
    { id = "shangjing1120", interlude = [[
1116-1120. Prince Chun is made commander-in-chief and raises the "Resentful Army" from famine
refugees; it plunders more than it fights. In the 1st month of 1117 the Jin take Chunzhou and
Taizhou as the Liao northeastern armies melt away without a fight; in the 12th month they cross
the Liao river and beat Chun at Jilishan, and Xianzhou (顯州) falls. Goryeo takes Baozhou on the
Yalu. From 1118 the Liao sue for peace; a Song envoy sails from Dengzhou to the Jin; in 1119
the Liao offer to invest Aguda as "Emperor of Dong-huai", and he refuses the form of the title.
Famine and bandit risings spread through Liaoxi. (LS, JS, (m))

Note: the summary of the war speaks of a "1119 rebellion at the Eastern Capital"; no source for
it has been found (history.md). It may be the Resentful Army's mutiny at Qianzhou.]] },
    { id = "zhongjing1122", interlude = [[
Summer 1120 to winter 1121. Having taken the Supreme Capital, Aguda goes home: a great epidemic
among the horses and oxen and the midsummer heat stop the war, and Yelü Yudu ambushes the Jin
rearguard at the Liao river. The Song, promised Yanjing by the "Alliance Conducted at Sea", are
tied down by Fang La's rebellion in Zhejiang (1120-1121). At the Liao court, the succession
divides Lady Wen's party from Xiao Fengxian's. (JS, Song-based secondary)]] },
    { id = "tianzuo1122", interlude = [[
Spring 1122. The Central Capital fell on the 15th day of the 1st month without a fight. Tianzuo
fled from Yanjing through the Juyong Pass, had his son Aoluwo killed, lost the imperial seal in
the Sanggan and made Xiao Fengxian kill himself. The Western Capital surrendered to Xieye and
Woliduo and then rose again. The Jin now ride after the emperor. (LS, XCB-SB, XXSS)]] },
  },
  carry_units = { "aguda_guard", "loushi_mouke", "zonggan_riders", "nianhan_army", "wolu_army",
                  "xieye_army", "woliduo_army", "yudu_troops", "auxiliaries" },
  carry_leaders = { "aguda", "loushi", "zonggan", "nianhan", "wolu", "xieye", "woliduo", "yelu_yudu" },
}
