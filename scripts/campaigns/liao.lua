-- liao.lua - the Liao campaign: Emperor Tianzuo's war, from the Jurchen rising at Ningjiang
-- (1114) to the flight into the Yin Mountains (1122-1125). Six scenarios with interludes; the
-- imperial guard, the ordo horse and Yelü Dashi's riders carry over, and so do lost leaders.

campaign {
  id = "liao_campaign", title = "The Liao Campaign: the Last Emperor", years = "1114-1125", side = "liao",
  briefing = [[
In 1114 the Liao empire of the Khitans was two centuries old, the equal of the Song, master of
the steppe from the Khingan to the Yin Mountains and of Manchuria to the sea. Its emperor,
Tianzuo (天祚帝, Yelü Yanxi), was fond of hunting and of his chief minister Xiao Fengxian. In
eleven years a Jurchen chief he had wanted to execute for refusing to dance took it all.

You command the Liao. History is against you: in every scenario you win by doing better than
Tianzuo did - by holding what he lost, keeping your generals, and in the end keeping the
emperor free. The imperial guard, the ordo horse and Yelü Dashi's riders carry their losses and
experience from one scenario to the next; a leader killed or taken stays lost.]],
  scenarios = {
    { id = "ningjiang1114", interlude = [[
1112-1114. At the First-Fish feast on the Huntong the Jurchen chiefs danced for the emperor, all
but one: Aguda of the Wanyan. Tianzuo wanted him killed; Xiao Fengxian said he could do no harm.
In 1113 Aguda became chief of the Wanyan and began building forts on the frontier. In the 9th
month of 1114 the emperor is hunting deer at Qingzhou when the news comes from Ningjiang. (LS, CHC6)]] },
    { id = "huanglong1115", interlude = [[
Winter 1114-1115. Xiao Sixian's army has broken on the Songhua, and his brother's influence has
saved him from punishment; the generals say that to fight is to die and to run is to be spared.
The border prefectures are lost and the Jurchen have been joined by Bohai and registered Jurchens.
Aguda has proclaimed himself emperor of the "Great Jin" and sends back letters that do not use
the title; the Liao "defend-and-farm" army was routed at Daluguchang. Gu Yu's Bohai rose at
Raozhou and was put down. Now the emperor will lead the army himself. (JS, LS, QDGZ)]] },
    { id = "dongjing1116", interlude = [[
Early 1116. The great army came home beaten from Hubudagang, its baggage lost. Zhangnu's rebels
were scattered and he was executed with two hundred nobles; Prince Chun, who refused the throne
they offered him, is more trusted than ever. In the Eastern Capital, the Bohai soldiers posted
against the Jurchens hate their Khitan governor. (LS, summary)]] },
    { id = "shangjing1120", interlude = [[
1116-1120. Liaodong was lost to the Jin in the summer of 1116. Prince Chun, commander-in-chief,
raised the "Resentful Army" from famine refugees; in 1117 the northeastern armies dissolved at
Chunzhou without a fight, and at the end of the year Chun was beaten at Jilishan and Xianzhou
(顯州) fell. Goryeo took Baozhou. From 1118 Tianzuo sought peace; in 1119 he offered to invest
Aguda as "Emperor of Dong-huai". Famine, bandits and mutiny have followed. (LS, (m))]] },
    { id = "zhongjing1122", interlude = [[
Summer 1120 to winter 1121. The Supreme Capital fell in a morning, but the Jin did not stay:
the summer heat and an epidemic among their horses sent them home, and Yelü Yudu caught their
rearguard at the Liao river. The Song have made an alliance with the Jin. At court the question
of the succession sets Lady Wen against Xiao Fengxian and his sister. (JS, secondary)]] },
    { id = "tianzuo1122", interlude = [[
Spring 1122. The Central Capital is lost, abandoned by its garrison. The emperor has fled from
Yanjing through the Juyong Pass with 5,000 guardsmen, losing the imperial seal in the Sanggan;
Prince Aoluwo, whom the traitor Yudu wished to crown, is dead by his father's order, and Xiao
Fengxian has been made to take his own life. The Western Capital has surrendered to the Jin and
risen again. Ahead lie the lakes of the steppe and the Yin Mountains. (LS, XXSS)]] },
  },
  carry_units = { "tianzuo_guard", "ordo_horse", "dashi_horse" },
  carry_leaders = { "tianzuo", "xiao_fengxian", "yelu_chun", "xiao_gan", "yelu_dashi" },
}
