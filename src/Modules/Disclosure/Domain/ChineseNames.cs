using System.Text.RegularExpressions;

namespace Sanxiang.Disclosure.Domain;

/// <summary>
/// Names of natural persons in Chinese text (PUB-RED-2), found by where a name stands rather than by a list of
/// phrasings: a surname (the common single and compound ones) and one or two given characters, in a place only a
/// person's name takes — after a role or kinship word, as a 某 pseudonym, before a sex or an age, before what a person
/// does in a record, or in a list with another name — and minority names written with the interpunct.
/// </summary>
internal static partial class ChineseNames
{
    /// <summary>Common single surnames (the Hundred Family Surnames and the most frequent of today's).</summary>
    private const string SingleSurnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由洪阎滑钮邴寿宓蓬郗隗蒯酆牧訾綦汲糜松弓仰暴钭蓟怀鄂咸籍赖苍莘贡逄扶堵宰郦却璩濮郏充习宦鱼庾暨殳沃蔚夔厍乜巢桓";

    private static readonly string[] CompoundSurnames =
    [
        "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "令狐", "夏侯", "端木",
        "独孤", "南宫", "西门", "轩辕", "百里", "呼延", "申屠", "太史", "闻人", "万俟", "澹台", "公冶", "濮阳", "淳于", "单于",
    ];

    private static readonly HashSet<char> Surnames = [.. SingleSurnames];

    /// <summary>Characters that end a given name: what follows a name in a record (verbs, particles, sex, punctuation).</summary>
    private const string AfterName =
        "称说证陈反表介承供签确出提到作负通向将已未也则等系是与在于的名家之和及同均分各曾亦并又从对把被遂当现无不本自共住男女岁为经由以所因后前中内外上下驾购买卖收付持用开租其该这那此每给让叫请帮替跟拿送交找去来回走看听见知认查发称讲告诉要想会能可应须就才都还再仅只即便而但或且若如等着了过里处方面时候月日年元个名位人户号单室村组镇乡县市省区路街巷店厂场所部局所处科站队";

    private static readonly HashSet<char> NameStop = [.. AfterName];

    /// <summary>Words that introduce a person: roles in a record and kinship, each ending right before the name.</summary>
    private static readonly string[] RoleWords =
    [
        "证人", "见证人", "在场人", "证明人", "举报人", "投诉人", "报案人", "受害人", "被害人", "监护人", "法定代理人", "委托代理人", "代理人",
        "法定代表人", "代表人", "负责人", "联系人", "经营者", "实际经营者", "实际控制人", "控制人", "合伙人", "股东", "董事", "监事", "经理", "总经理", "厂长", "店长", "组长", "班长", "村长", "主任", "书记", "委员", "会计", "出纳", "收银员", "收银",
        "店员", "营业员", "业务员", "推销员", "销售员", "驾驶员", "司机", "快递员", "送货员", "配送员", "保洁员", "保安", "门卫", "厨师", "帮厨", "厨工", "服务员", "技术员", "电工", "焊工", "搬运工", "装卸工", "雇工", "帮工", "临时工", "员工", "雇员", "职工", "工人", "从业人员", "工作人员",
        "药师", "医师", "医生", "护士", "美甲师", "美容师", "理发师", "律师", "导游", "教师", "老师", "学生", "乘客", "顾客", "消费者", "买家", "卖家", "客户", "患者", "病人", "房东", "房主", "户主", "业主", "车主", "机主", "店主", "船主", "承租人", "出租人", "租户", "所有人", "持有人", "受托人", "委托人", "供货人", "收货人", "发货人", "寄件人", "收件人", "签收人", "申请人", "被申请人", "申请人", "注册人", "开户人", "户名", "又名", "化名", "别名", "曾用名",
        "村民", "居民", "邻居", "朋友", "同事", "同学", "保姆", "同居人", "男友", "女友", "未婚夫", "未婚妻",
        "妻子", "之妻", "其妻", "丈夫", "之夫", "其夫", "儿子", "之子", "其子", "养子", "女儿", "之女", "其女", "养女", "父亲", "之父", "其父", "母亲", "之母", "其母", "继父", "继母", "养父", "养母",
        "之兄", "其兄", "哥哥", "之弟", "其弟", "弟弟", "之姐", "其姐", "姐姐", "之妹", "其妹", "妹妹", "岳父", "岳母", "公公", "婆婆", "儿媳", "女婿", "外甥", "外甥女", "侄子", "侄女", "孙子", "孙女", "外孙", "外孙女",
        "表弟", "表哥", "表姐", "表妹", "堂弟", "堂兄", "堂哥", "堂姐", "堂妹", "姐夫", "妹夫", "嫂子", "弟媳", "舅舅", "小舅子", "舅子", "姑母", "姑姑", "姨母", "阿姨", "叔叔", "伯父", "婶婶", "爷爷", "奶奶", "外公", "外婆", "祖父", "祖母",
        "成年人", "未成年人", "老人", "男子", "女子", "妇女", "村委会委员", "网格员", "人员",
    ];

    private static readonly Regex RoleCue = new(
        "(?:" + string.Join('|', RoleWords.Distinct().OrderByDescending(w => w.Length).Select(Regex.Escape)) + @")[：:为是]?\s*$",
        RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    /// <summary>Found names (merged later with the other spans); <paramref name="taken"/> are spans already found.</summary>
    public static IEnumerable<PiiSpan> Find(string text, IReadOnlyList<PiiSpan> taken)
    {
        var found = new List<PiiSpan>();
        bool Free(int start, int length) => !taken.Concat(found).Any(s => start < s.End && s.Start < start + length);

        foreach (Match m in Interpunct().Matches(text))
        {
            // Minority names written with the interpunct (阿依古丽·买买提): the parts run to what stops a name.
            var left = m.Index;
            while (left > 0 && m.Index - left < 8 && IsHan(text[left - 1]) && !LeftStop.Contains(text[left - 1]) && !AfterRoleCue(text, left))
            {
                left--;
            }

            var right = m.Index + 1;
            while (right < text.Length && right - m.Index <= 6 && IsHan(text[right]) && (right == m.Index + 1 || !InterpunctRightStop.Contains(text[right])))
            {
                right++;
            }

            if (m.Index - left >= 1 && right - m.Index >= 2)
            {
                found.Add(new PiiSpan(left, right - left, PiiKind.Name));
            }
        }

        foreach (Match m in Listed().Matches(text))
        {
            foreach (Capture c in m.Groups["n"].Captures)
            {
                if (Free(c.Index, c.Length))
                {
                    found.Add(new PiiSpan(c.Index, c.Length, PiiKind.Name));
                }
            }
        }

        foreach (Match m in Tibetan().Matches(text))
        {
            if (Free(m.Index, m.Length))
            {
                found.Add(new PiiSpan(m.Index, m.Length, PiiKind.Name));
            }
        }

        var titles = Titles().Matches(text).Select(t => (t.Index, End: t.Index + t.Length)).ToList();
        for (var i = 0; i < text.Length; i++)
        {
            // A name starts with a surname (names without one, Tibetan or Uyghur, are found above); not in the title of a
            // law or document (《中华人民共和国反不正当竞争法》), not where a span was found already.
            var surname = SurnameAt(text, i);
            if (surname == 0 || (i + surname < text.Length && FirstGivenStop.Contains(text[i + surname]))
                || titles.Any(t => i > t.Index && i < t.End) || !Free(i, 1))
            {
                continue;
            }

            var afterCue = AfterRoleCue(text, i) && !AfterRoleCue(text, i + 1);

            // The given name: up to two characters (three after a compound surname or a role cue), stopped by what follows a name.
            var start = i + Math.Max(surname, 1);
            const int max = 2;
            var givenEnd = start;
            if (start < text.Length && text[start] == '某')
            {
                givenEnd = start + 1;
                if (givenEnd < text.Length && (text[givenEnd] == '某' || (IsHan(text[givenEnd]) && !NameStop.Contains(text[givenEnd]))))
                {
                    givenEnd++;
                }

                Accept(i, givenEnd);
                continue;
            }

            while (givenEnd < text.Length && givenEnd - start < max && IsHan(text[givenEnd]) && (givenEnd == start || !NameStop.Contains(text[givenEnd])))
            {
                givenEnd++;
            }

            if (givenEnd == start)
            {
                continue;
            }

            var length = givenEnd - i;
            if (afterCue || RightEvidence(text, givenEnd) || LeftCueAt(text, i) || (LeftBoundary(text, i) && (ActionRightEvidence(text, givenEnd) || WeakRightEvidence(text, givenEnd) || ListedWithName(text, i, givenEnd, found))))
            {
                Accept(i, givenEnd);
            }
        }

        // A name in a list with a found one (王芳、李强、赵磊三人) is a name too.
        var added = true;
        while (added)
        {
            added = false;
            foreach (var n in found.ToList())
            {
                foreach (var (s, e) in Neighbours(text, n))
                {
                    if (Free(s, e - s))
                    {
                        found.Add(new PiiSpan(s, e - s, PiiKind.Name));
                        added = true;
                    }
                }
            }
        }

        return found;

        void Accept(int s, int e)
        {
            if (Free(s, e - s) && !IsCommonWord(text.AsSpan(s, e - s)))
            {
                found.Add(new PiiSpan(s, e - s, PiiKind.Name));
            }
        }
    }

    private static IEnumerable<(int Start, int End)> Neighbours(string text, PiiSpan name)
    {
        // After: 、/和/与/及 + a surname and given name.
        var i = name.End;
        if (i < text.Length && text[i] is '、' or '和' or '与' or '及' or ',' or '，')
        {
            var s = i + 1;
            var surname = s < text.Length ? SurnameAt(text, s) : 0;
            if (surname > 0)
            {
                var e = GivenEnd(text, s + surname);
                if (e > s + surname && (text[i] == '、' || RightEvidence(text, e) || (e < text.Length && text[e] is '、' or '等' or '三' or '二' or '两' or '四' or '五' or '分')))
                {
                    yield return (s, e);
                }
            }
        }

        // Before: a surname and given name + 、 right before the found one.
        if (name.Start >= 3 && text[name.Start - 1] == '、')
        {
            for (var len = 3; len >= 2; len--)
            {
                var s = name.Start - 1 - len;
                if (s >= 0 && SurnameAt(text, s) > 0 && Enumerable.Range(s, len).All(k => IsHan(text[k])) && (s == 0 || !IsHan(text[s - 1]) || LeftBoundary(text, s) || AfterRoleCue(text, s)))
                {
                    yield return (s, name.Start - 1);
                    break;
                }
            }
        }
    }

    private static int GivenEnd(string text, int start)
    {
        var e = start;
        if (e < text.Length && text[e] == '某')
        {
            e++;
            return e < text.Length && text[e] == '某' ? e + 1 : e;
        }

        while (e < text.Length && e - start < 2 && IsHan(text[e]) && (e == start || !NameStop.Contains(text[e])))
        {
            e++;
        }

        return e;
    }

    private static bool ListedWithName(string text, int start, int end, List<PiiSpan> found) =>
        end < text.Length && text[end] == '、' && end + 1 < text.Length && SurnameAt(text, end + 1) > 0
        && (GivenEnd(text, end + 1 + SurnameAt(text, end + 1)) is var e && e < text.Length && (text[e] is '、' or '等' or '三' or '两' or '二' or '四' or '五' or '分' || RightEvidence(text, e)));

    /// <summary>What follows a name in a record: sex or age, or what the person said, did or signed.</summary>
    private static bool RightEvidence(string text, int end) => RightCue().IsMatch(text.AsSpan(end, Math.Min(8, text.Length - end)));

    /// <summary>What a person (or an organisation) does in a record: evidence of a name only at the start of a sentence or after a cue.</summary>
    private static bool ActionRightEvidence(string text, int end) => ActionRightCue().IsMatch(text.AsSpan(end, Math.Min(6, text.Length - end)));

    [GeneratedRegex(@"^(?:出具|提供|作为|代为|代收|代签|负责|经营|驾驶|购买|购得|出售|销售|收取|支付|转账|报案|投诉|举报|联系|拨打|均|分别|未能|无法|曾|持有|持往来|持(?:护照|通行证|身份证|港澳))", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ActionRightCue();

    [GeneratedRegex(@"《[^》]{0,60}》", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Titles();

    /// <summary>What may follow a name at the start of a sentence or after a comma: where the person was, what they did.</summary>
    private static bool WeakRightEvidence(string text, int end) => WeakRightCue().IsMatch(text.AsSpan(end, Math.Min(6, text.Length - end)));

    /// <summary>A word right before the candidate that only a person follows (与当事人…, 委托, 雇佣, 经…证实).</summary>
    private static bool LeftCueAt(string text, int start) => start > 0 && StrongLeftCue().IsMatch(text.AsSpan(Math.Max(0, start - 6), Math.Min(6, start)));

    private static bool LeftBoundary(string text, int start) =>
        start == 0 || !IsHan(text[start - 1]) || LeftCue().IsMatch(text.AsSpan(Math.Max(0, start - 3), Math.Min(3, start)));

    private static bool AfterRoleCue(string text, int start) =>
        start > 0 && RoleCue.IsMatch(text.AsSpan(Math.Max(0, start - 8), Math.Min(8, start)));

    private static int SurnameAt(string text, int i)
    {
        if (i + 1 < text.Length && CompoundSurnames.Contains(text.Substring(i, 2)))
        {
            return 2;
        }

        return Surnames.Contains(text[i]) ? 1 : 0;
    }

    /// <summary>Words of the law and of records that start with a surname character but are not names.</summary>
    private static bool IsCommonWord(ReadOnlySpan<char> s) => CommonWord().IsMatch(s);

    private static readonly HashSet<char> FirstGivenStop = [.. "人的了在是为与及之于等已未也则称说将把被从对向所其该这此时后前上下中内外"];

    private static readonly HashSet<char> InterpunctRightStop = [.. "人的为系与和及其是在由经据向将被对通过称证说陈反表签作负现曾已也均等、，。：:（(“"];

    private static readonly HashSet<char> LeftStop = [.. "人的为系与和及其是在由经据向将被对、，。：:（(“"];

    /// <summary>A character that follows a name rather than belongs to it (称, 在, 的…).</summary>
    public static bool EndsName(char c) => NameStop.Contains(c);

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';

    /// <summary>Two or more names in a list that ends as lists of persons end (王芳、李强、赵磊三人；谭晓东、汤丽夫妇).</summary>
    [GeneratedRegex(@"(?<n>[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由](?:某某|某|[\p{IsCJKUnifiedIdeographs}]{1,2}))(?:、(?<n>[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由](?:某某|某|[\p{IsCJKUnifiedIdeographs}]{1,2})))+(?=等人|等[二两三四五六七八九十0-9]+人|[二两三四五六七八九十]+人|[0-9]+人|夫妇|夫妻|均|分别|各自|共同|一起|先后|签字|证实|称)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Listed();

    /// <summary>Tibetan names: two of the common name syllables (扎西顿珠、拉巴次仁、格桑卓玛).</summary>
    [GeneratedRegex(@"(?:扎西|次仁|顿珠|拉巴|多吉|卓玛|央金|格桑|平措|旺堆|索朗|达瓦|尼玛|普布|边巴|德吉|洛桑|丹增|强巴|白玛|旦增|措姆|拉姆|巴桑|次旦|米玛|曲珍|群培|益西|贡嘎|仁青|加措|嘉措|才让|卓嘎|德庆){2}", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Tibetan();

    [GeneratedRegex(@"^(?:在|于|将|把|向|从|与|和|的|持|通过|以|已|也|为|是|系|曾|因|自|对|被|让|给|同|跟|替|帮|负责|担任|作为|到|来|去|回|前往|未|不|没有|无)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex WeakRightCue();

    [GeneratedRegex(@"(?:当事人(?:与|和|及|向|将|把|让|同|跟|委托|雇佣|雇用|聘用|聘请|安排|指使|伙同|联系)|(?:委托|雇佣|雇用|聘用|聘请|伙同|指使|授意|交由|转交|交给|卖给|售给|借给|租给|转让给|支付给|转账给|汇给|告知|通知|询问|约谈|联系|陪同|协助|帮助|经|由|据|向|与|经查明|经查|显示为?|登记为|注册人为|所有人为|户名为))$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex StrongLeftCue();

    /// <summary>The interpunct between two Han characters, as minority names are written.</summary>
    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs})·(?=\p{IsCJKUnifiedIdeographs})", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Interpunct();

    [GeneratedRegex(@"^(?:[（(]\s*(?:\d|\+|电话|手机|联系|QQ|微信|身份|证件|护照|邮箱|住)|[，,]?\s*(?:港澳|护照|身份证|公民身份|电话|手机|联系电话|联系方式|邮箱|QQ|微信|住址|家住|户籍)|的[\p{IsCJKUnifiedIdeographs}]{0,6}(?:账户|账号|银行卡|卡号|联系方式|手机|电话|微信|QQ|身份证|护照|住址|住所|住宅|家中|家里|家人|家属)|持有|持往来|持(?:护照|通行证|身份证|港澳)|[（(，,]\s*(?:男|女|\d{1,3}\s*岁|现年|汉族|回族|满族|维吾尔族|藏族|蒙古族|壮族|身份证|住|户籍|系|公民身份)|(?:男|女)[，,、）)]|\d{1,3}岁|称|辩称|陈述|供述|反映|表示|介绍|承认|证实|证明|确认|签字|签名|签收|捺印|到场|在场|作证|指认|交代|说明|回忆|自述|坦言|等人|等\d|等[二三四五六七八九十两]|二人|两人|三人|四人|五人|夫妇|之妻|之夫|之子|之女|之父|之母|的(?:妻|丈夫|儿|女|父|母|家|住|手机|电话|微信|银行|账户|身份|证言|陈述|名下|车|院|店)|名下|家中|家里|本人|系当事人|系该|系其|与当事人|向当事人|向执法|向本局|在询问|在笔录|经询问|于\d{4}年|于当日|当日|当晚|当天|案发|另案|（另案)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex RightCue();

    [GeneratedRegex(@"(?:经|由|据|向|与|对|将|被|让|请|叫|给|同|跟|帮|替|为|即|是|系|和|及|或|把|从|以|经查|查明|显示|证实|发现|委托|雇佣|聘用|雇用|聘请|介绍|联系|通知|询问|告知|陪同|协助|比对|核实|登记在|登记为|注册人为|所有人为|指派|安排|邀请)$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex LeftCue();

    [GeneratedRegex(@"^(?:司分|区不|国籍|籍华|包裹|包地|常事|常居|时都|门脸|韩国|朝鲜|日本|美国|英国|法国|德国|华裔|华侨|安排|安全|位置|项予|平路|银台|单上|查其|查该|货款|王牌|张记|李氏|高新|安平|国家|国务|中国|中华|上述|上级|时间|时任|时许|当事|当场|当日|当天|当地|当晚|金额|金属|金店|金银|金融|文件|文书|文化|文明|文字|方式|方法|方案|方面|方向|方便|方能|明确|明显|明知|明细|明码|平台|平方|平时|平均|成本|成年|成立|成为|成品|成分|成份|万元|万余|于本|于当|于是|于其|于该|于此|于\d|和解|和平|和好|信息|信用|信件|信号|全部|全体|全面|全国|全县|全市|全省|全额|全程|石家|江苏|江西|黄河|黄金|白酒|白色|白天|高于|高温|高速|高度|高风|高价|高压|高血|常年|常务|常住|常用|常规|向其|向当|向本|向该|向执|应当|应在|应于|应按|应予|应依|应急|时间|时限|时效|时段|原料|原因|原告|原价|原件|原有|原始|原来|原则|原审|国内|国外|国标|国际|车辆|车间|车主|车牌|车上|车内|车厢|包装|包括|包间|包含|华北|管理|管辖|管控|路口|路段|路边|路面|路线|连续|连锁|关于|关联|关系|关闭|关停|解释|解除|解决|宣传|宣称|宣告|宁可|计算|计量|计划|计价|计入|支付|支持|支出|支行|支队|古城|史上|冷藏|冷冻|冷库|冷链|苏打|海关|海鲜|海产|海南|海报|海外|花生|花费|花园|花卉|杨树|朱砂|柴油|柴胡|柳州|杜绝|戴帽|甘肃|卫生|卫健|卫星|沙发|沙石|牛肉|牛奶|马路|马上|林地|林木|林业|乔木|毛重|毛利|毛发|房屋|房间|房产|房东|景区|景点|鲁莽|乐意|尚未|尚有|尚不|边境|边缘|苗木|谷物|麦田|米粉|米面|米线|余额|余款|余量|余下|简易|简单|简称|单位|单价|单据|单号|单独|单元|单次|程序|程度|姜片|申请|申辩|申报|申明|申诉|任何|任意|任务|付款|付清|付讫|严重|严格|严禁|严厉|武装|武器|康复|施工|施行|施用|齐全|易燃|易腐|乔装|庄园|章程|岳阳|翟村|詹姆|欧盟|欧洲|左侧|左右|祝贺|包括|宁夏|符合|舒适|阮氏|凌晨|毕业|季度|裴氏|霍乱|涂改|涂料|涂层|成交|苗头|曲线|游戏|游客|路人|蒙古|华为|喻为|房地|屈服|解放|时尚|时装|司法|卓越|古代|吉林|简介|车祸|项目|连同|连带|芦苇|麦片|娄底|窦性|费用|卜卦|冷饮|席位|卫视|米饭|柏油|宗教|全称|应收|应付|边防|师傅|和田|仇恨|商品|商户|商场|商家|商业|商铺|商标|沙滩|荣誉|巫山|桑拿|郎中|甄别|仲裁|明细|池塘|查处|查明|查获|查封|查验|查询|查看|查实|查扣|查阅|查证|查办|麻醉|苑区|迟延|迟到|官方|封存|封条|谈话|匡算|惠民|荆州|乐器|冀州|南方|南侧|南门|南北|班组|储存|储藏|原地|燕麦|楚雄|劳务|劳动|皮肤|皮革|皮鞋|粟米|楼层|楼房|楼道|楼梯|盘点|满足|闻讯|位于|伊利|区域|区县|海拔|花卉|权利|权益|权限|权属|强制|强化|强调|帅气|豆腐|豆制|豆浆|盖章|练习|廉洁|禹州|井盖|祖传|漆面|巴士|丰富|支队|卿云|国有|狄龙|平整|计件|索取|索证|宣读|晋州|相关|相应|相同|初步|初次|门店|门口|门前|门面|门卫|门市|云南|容器|容量|敬请|来源|来自|来往|来电|扈从|晁盖|芮城|都是|普通|普遍|阙如|浦东|戈壁|伏天|鹿茸|薄荷|邸报|雍正|辜负|羊肉|阿胶|乌鸡|母亲|母婴|裘皮|修理|修改|修订|修复|修缮|赫然|杭州|况且|那里|那些|宿舍|宿迁|鲜肉|鲜奶|印章|印刷|印制|隆重|茹素|诸如|战略|慕名|危害|危险|玉米|玉器|银行|银耳|亢进|公司|公安|公告|公示|公开|公共|公民|公章|公斤|公里|公路|公证|公众|公平|哈尔|湛江|宾馆|勾兑|茅台|利用|利润|利益|于某|呼和|居民|居住|居委|揭阳|干预|干净|干燥|但是|但书|尉氏|斯里|元旦|束缚|檀香|衣物|衣服|信誉|展示|展销|阴凉|智能|幸福|奉节|植物|衡水|富含|尧都|闭店|由于|由其|由当|由本|由该|戎装)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CommonWord();
}
