package org.leye.casework.graduates;

import java.util.HashMap;
import java.util.Map;

/**
 * Folds a person's name for comparison: traditional characters to simplified (a table of about
 * 800 characters common in Chinese names and everyday words; a name written in either script folds
 * to the same key), full-width and ideographic spaces and the middle dot of transliterated names
 * removed, Latin letters upper-cased. Used only to find probable duplicates; the name is stored as
 * it was entered.
 */
public final class NameFold {

    // pairs at the same index: traditional, simplified
    private static final String TRADITIONAL = "陳張劉黃趙吳孫馬鄭楊羅謝許韓馮鄧蕭葉蘇盧蔣賈閻餘鍾範譚鄒陸顧龍萬錢湯喬賀賴龔龐蘭顏嚴溫蘆魯韋畢聶叢齊莊塗時關費紀歐項遊陽" +
            "衛鮑單寧閔強華車邊饒晉鄔暢宮來簡婁蓋黨談連欒計竇遲藍鞏練樂應荊諶銀揚習偉麗靜軍傑濤輝鵬穎嬌鳳潔紅剛勝國東慶誠興瑩雲飛鳴寶" +
            "貴榮義禮達聰雙藝嶺錦銘鋒鎮鐵銳鏡鈺錫釗鈞鍵韻順頌願馳駿騰驥鸞鶯鵑鷗鶴齡億儀僑傳倫凱創劍勵勁勳匯協厲參嘯園圓團堅壯夢奮嫻嬋" +
            "學實寬將爾層嶸巖帥廣彌彥徹從憶懷戀戰擁敘數曉書朧楓業極樹橋權歡歲歷歸氣淚淺渾湧滿漢澤濟濱瀟灣為無煒煥熱燁燦爍爭獻現瑋瑤環" +
            "瓊產畫當發盡監碩確禎種穩競筆築簫純紹絲維綺網綠緒縣繼續聖聯聲肅脈舉艦萊蒼蓮蔭蕓薈蘊處號術裝見規覺親觀訓詩話語說課諾謙講護" +
            "譽讓豐貞財貫貽賢賓賜質贊躍軒輕農運過遠適選遼邁還鄉醫釋鈴銓錚鎧鏞鐘長門閃開閑間閣闊隊階際隨險雋雖雞離難電靈頁頂領頤頻題額" +
            "顯風颯飄館駒驍體髮魚鮮鳥鴻鷹麥點亞個們備僅優兒內兩冊淨則勞區嗚圖圍塵壇壽夠奪婦媽嬰寫對專尋導屆嵐師幾庫廳彎後復徵憲懸戲揮" +
            "搖擇擊據斕斷暉曆會條標樣機檢櫻欽殘漁潛瀾灑煙營爺牆獎瑪璽療皚盤眾碼礦祿禪穀窮籃糧約納紡紛細終組結絕統經綜綱緣線縱總織繩羨" +
            "聞職臉與艷薩虛蟲補襲證識變貓貝貢貨資趕轉辦辭遞郵酈醬釣鈔鉅銅鋼錄閩閱闖陰隱雜響頓頭類餅驗鴿鵝嶽灝瀅璉璣瑯瓏鍇鐸濰崢嶠巒愛" +
            "戩暘鑒鑑韜顥騏驊鳶鴛鴦鸝紋綿緯縉繽纖罷羈聽臨舊藹蘋衝裡裏誼諧謀讚貿賞贈趨軾輔輪輿轟邏鄺醞釀鉛銷鋁錠鍋鎂鏈鑄閏闡陣隴雛霽靚" +
            "韌頎頡顆颺飲飾餚饗騫驕鬱鯤鯨鰲鳩鵡鶿鸚麼黴齒龜壩壘墾墳塊塢奐姍婭嫵嬈孌孿寵寢岡島崍嶇嶼巔幫幗廟弒彙徑悅惡愜慘慚慮憐憑懇懼" +
            "懶懺擴攜攝敵斂曄曠曬朮桿棟楨榿樞樺橫檜櫃櫓欄歎毀氈汙洶涇涼淵溝滄滬滯漣漸潤澗濃濕瀏瀋灘烏燈燒燭爐牘犢狀狹獅獨玆琺瑣璦璿甌" +
            "畝疇癒皺盞睜矯磚礎祕禍稅稱穌窩竊筍箏簽籌粵緞締緹縈繡繪缽罰羥翹聳脅膽臟舖艙茲莖莢萵蒔蓀蔔蕎薑藥虧螢蠶衆袞褲覓詠誕謠謹譏贏" +
            "贛跡踐蹤軟載輩轄迴逕違遙遜遺鄰醜鉉銖錐鍛鎖鏗闆闕陝隸靂頑頹顛餓饋馴駐騎驅鬆鬧鳧鴉麵";
    private static final String SIMPLIFIED = "陈张刘黄赵吴孙马郑杨罗谢许韩冯邓萧叶苏卢蒋贾阎余钟范谭邹陆顾龙万钱汤乔贺赖龚庞兰颜严温芦鲁韦毕聂丛齐庄涂时关费纪欧项游阳" +
            "卫鲍单宁闵强华车边饶晋邬畅宫来简娄盖党谈连栾计窦迟蓝巩练乐应荆谌银扬习伟丽静军杰涛辉鹏颖娇凤洁红刚胜国东庆诚兴莹云飞鸣宝" +
            "贵荣义礼达聪双艺岭锦铭锋镇铁锐镜钰锡钊钧键韵顺颂愿驰骏腾骥鸾莺鹃鸥鹤龄亿仪侨传伦凯创剑励劲勋汇协厉参啸园圆团坚壮梦奋娴婵" +
            "学实宽将尔层嵘岩帅广弥彦彻从忆怀恋战拥叙数晓书胧枫业极树桥权欢岁历归气泪浅浑涌满汉泽济滨潇湾为无炜焕热烨灿烁争献现玮瑶环" +
            "琼产画当发尽监硕确祯种稳竞笔筑箫纯绍丝维绮网绿绪县继续圣联声肃脉举舰莱苍莲荫芸荟蕴处号术装见规觉亲观训诗话语说课诺谦讲护" +
            "誉让丰贞财贯贻贤宾赐质赞跃轩轻农运过远适选辽迈还乡医释铃铨铮铠镛钟长门闪开闲间阁阔队阶际随险隽虽鸡离难电灵页顶领颐频题额" +
            "显风飒飘馆驹骁体发鱼鲜鸟鸿鹰麦点亚个们备仅优儿内两册净则劳区呜图围尘坛寿够夺妇妈婴写对专寻导届岚师几库厅弯后复征宪悬戏挥" +
            "摇择击据斓断晖历会条标样机检樱钦残渔潜澜洒烟营爷墙奖玛玺疗皑盘众码矿禄禅谷穷篮粮约纳纺纷细终组结绝统经综纲缘线纵总织绳羡" +
            "闻职脸与艳萨虚虫补袭证识变猫贝贡货资赶转办辞递邮郦酱钓钞钜铜钢录闽阅闯阴隐杂响顿头类饼验鸽鹅岳灏滢琏玑琅珑锴铎潍峥峤峦爱" +
            "戬旸鉴鉴韬颢骐骅鸢鸳鸯鹂纹绵纬缙缤纤罢羁听临旧蔼苹冲里里谊谐谋赞贸赏赠趋轼辅轮舆轰逻邝酝酿铅销铝锭锅镁链铸闰阐阵陇雏霁靓" +
            "韧颀颉颗飏饮饰肴飨骞骄郁鲲鲸鳌鸠鹉鹚鹦么霉齿龟坝垒垦坟块坞奂姗娅妩娆娈孪宠寝冈岛崃岖屿巅帮帼庙弑汇径悦恶惬惨惭虑怜凭恳惧" +
            "懒忏扩携摄敌敛晔旷晒术杆栋桢桤枢桦横桧柜橹栏叹毁毡污汹泾凉渊沟沧沪滞涟渐润涧浓湿浏沈滩乌灯烧烛炉牍犊状狭狮独兹珐琐瑷璇瓯" +
            "亩畴愈皱盏睁矫砖础秘祸税称稣窝窃笋筝签筹粤缎缔缇萦绣绘钵罚羟翘耸胁胆脏铺舱兹茎荚莴莳荪卜荞姜药亏萤蚕众衮裤觅咏诞谣谨讥赢" +
            "赣迹践踪软载辈辖回迳违遥逊遗邻丑铉铢锥锻锁铿板阙陕隶雳顽颓颠饿馈驯驻骑驱松闹凫鸦面";

    private static final Map<Character, Character> FOLD = new HashMap<>();

    static {
        if (TRADITIONAL.length() != SIMPLIFIED.length()) {
            throw new IllegalStateException("NameFold table is misaligned");
        }
        for (int i = 0; i < TRADITIONAL.length(); i++) {
            FOLD.put(TRADITIONAL.charAt(i), SIMPLIFIED.charAt(i));
        }
    }

    private NameFold() {
    }

    public static String of(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(name.length());
        for (char c : name.strip().toCharArray()) {
            if (Character.isWhitespace(c) || c == '\u3000' || c == '\u00B7' || c == '\u30FB' || c == '\u2022') {
                continue;
            }
            out.append(Character.toUpperCase(FOLD.getOrDefault(c, c)));
        }
        return out.toString();
    }
}
