using System.Globalization;
using System.Text.RegularExpressions;

namespace Sanxiang.Disclosure.Domain;

/// <summary>A kind of personal data found in text (PUB-RED-2), which decides how it is masked.</summary>
internal enum PiiKind
{
    Name,
    Address,
    Phone,
    Email,
    IdNumber,
    TravelDocument,
    BankAccount,
    Plate,
    SocialAccount,
    BirthDate,
    Health,

    /// <summary>A phrase a head masked by hand before publication.</summary>
    Manual,
}

/// <summary>One span of personal data in a text: where it starts, how long it is, and what it is.</summary>
[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)]
internal readonly record struct PiiSpan(int Start, int Length, PiiKind Kind)
{
    public int End => Start + Length;
}

/// <summary>
/// PUB-RED-2: finds personal data in Chinese text by what it is, not by a fixed set of phrasings (issue 15). Numbers
/// and identifiers by their shape (ID numbers with a valid birth date, mobiles and landlines in any grouping, e-mail,
/// passport and permit numbers, bank cards, licence plates, WeChat and QQ IDs); names of natural persons by a surname
/// followed by a given name in a place a name stands — after a role or kinship word (证人, 之妻, 收银员…), as a 某
/// pseudonym, before a sex or age, before what a person does in a record (称, 证实, 签字…), in a list with another
/// name, or written with the interpunct of minority names; addresses by their structure (province … road, number,
/// building, unit, room, village, group) or after 住址/家住/居住…; birth dates by 出生/生于; health details by the
/// words of illness, injury, disability and pregnancy. When in doubt it masks: over-masking is accepted, a miss is a
/// leak. Measured against the labelled corpus in tests/Sanxiang.Web.Tests/Redaction (recall ≥ 99 %).
/// </summary>
internal static partial class PersonalDataDetector
{
    /// <summary>The spans found (they may overlap; <see cref="Merged"/> joins them).</summary>
    public static List<PiiSpan> Find(string text)
    {
        var spans = new List<PiiSpan>();
        void Add(Regex regex, PiiKind kind, string group = "v", Func<Match, bool>? accept = null)
        {
            foreach (Match m in regex.Matches(text))
            {
                var g = m.Groups[group];
                if (g.Success && g.Length > 0 && (accept is null || accept(m)))
                {
                    spans.Add(new PiiSpan(g.Index, g.Length, kind));
                }
            }
        }

        Add(Email(), PiiKind.Email);
        Add(IdNumber18(), PiiKind.IdNumber, accept: m => IsDate(m.Groups["v"].Value.AsSpan(6, 8), "yyyyMMdd"));
        Add(IdNumber15(), PiiKind.IdNumber, accept: m => IsDate(m.Groups["v"].Value.AsSpan(6, 6), "yyMMdd"));
        Add(Mobile(), PiiKind.Phone, accept: m => !IsOfficialNumber(text, m.Groups["v"].Index));
        Add(Landline(), PiiKind.Phone);
        Add(CuedPhone(), PiiKind.Phone);
        Add(LongNumber(), PiiKind.BankAccount, accept: m => !IsOfficialNumber(text, m.Groups["v"].Index));
        Add(CuedTravelDocument(), PiiKind.TravelDocument);
        Add(TravelDocument(), PiiKind.TravelDocument);
        Add(Plate(), PiiKind.Plate);
        Add(WeChat(), PiiKind.SocialAccount);
        Add(Qq(), PiiKind.SocialAccount);
        Add(BirthBefore(), PiiKind.BirthDate);
        Add(BirthAfter(), PiiKind.BirthDate);
        Add(CuedAddress(), PiiKind.Address);
        Add(StructuredAddress(), PiiKind.Address, accept: m => DoorDetail().IsMatch(m.Groups["v"].Value) && !IsOrganisationPremises(text, m.Groups["v"].Index));
        Add(LocatedAddress(), PiiKind.Address, accept: m => !IsOrganisationPremises(text, m.Groups["v"].Index));
        Add(VillageAddress(), PiiKind.Address);
        Add(PlaceOfHome(), PiiKind.Address);
        foreach (var h in HealthSpans(text))
        {
            spans.Add(h);
        }

        foreach (var n in ChineseNames.Find(text, spans))
        {
            spans.Add(n);
        }

        return spans;
    }

    /// <summary>The spans sorted by start, overlapping ones merged (the earlier kind kept).</summary>
    internal static List<PiiSpan> Merged(List<PiiSpan> spans)
    {
        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var merged = new List<PiiSpan>(spans.Count);
        foreach (var s in spans)
        {
            if (merged.Count > 0 && s.Start < merged[^1].End)
            {
                var last = merged[^1];
                if (s.End > last.End)
                {
                    merged[^1] = last with { Length = s.End - last.Start };
                }

                continue;
            }

            merged.Add(s);
        }

        return merged;
    }

    /// <summary>A number an office gave (a certificate, registration, credit code, bar code or batch number), not a person's.</summary>
    private static bool IsOfficialNumber(string text, int start) =>
        OfficialNumberCue().IsMatch(text.AsSpan(Math.Max(0, start - 40), Math.Min(40, start)));

    [GeneratedRegex(@"(?:执法证号|执法证|证号|编号|注册号|信用代码|条码|条形码|批号|批次|文号|许可证号|案号|单号)(?:为|是|分别为)?\s*[:：]?\s*(?:[0-9、，,\s]*)$", Options, 1000)]
    private static partial Regex OfficialNumberCue();

    /// <summary>A structured address right after a company or shop's name or premises cue is the organisation's, not a person's.</summary>
    private static bool IsOrganisationPremises(string text, int start)
    {
        if (text.Contains("个体", StringComparison.Ordinal) || text.Contains("住宅", StringComparison.Ordinal))
        {
            return false; // a sole trader's premises are a person's address
        }

        var before = text.AsSpan(Math.Max(0, start - 12), Math.Min(12, start));
        return OrganisationPremisesCue().IsMatch(before);
    }

    private static IEnumerable<PiiSpan> HealthSpans(string text)
    {
        foreach (Match m in Health().Matches(text))
        {
            var clauseStart = text.LastIndexOfAny(ClauseBreaks, Math.Max(0, m.Index - 1)) + 1;
            var sentenceStart = Math.Max(text.LastIndexOfAny(['。', '；', ';', '\n'], Math.Max(0, m.Index - 1)) + 1, m.Index - 30);
            if (HealthClaim().IsMatch(text.AsSpan(sentenceStart, m.Index + m.Length - sentenceStart)))
            {
                continue; // an advertisement's claim (宣称根治糖尿病) or a product's label, not a person's health
            }

            // What qualifies the condition (重度, 活动性, 左前臂) stands before it: take up to 8 characters back to a word that ends it.
            var start = m.Index;
            if (!HealthLead().IsMatch(m.Value))
            {
                while (start > clauseStart && m.Index - start < 8 && !HealthLeftStop.Contains(text[start - 1]))
                {
                    start--;
                }
            }

            yield return new PiiSpan(start, m.Index + m.Length - start, PiiKind.Health);
        }
    }

    private static readonly HashSet<char> HealthLeftStop = [.. "《》其系为已现是的了在之妻夫子女父母兄弟姐妹人员致因经后并且也均和与及、，。；：（）()“”"];

    internal static readonly char[] ClauseBreaks = ['，', '。', '；', '：', '！', '？', ',', ';', ':', '\n', '（', '）', '(', ')', '“', '”', '、'];

    internal static bool IsDate(ReadOnlySpan<char> s, string format) =>
        DateOnly.TryParseExact(s, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private const RegexOptions Options = RegexOptions.CultureInvariant;

    [GeneratedRegex(@"(?<v>[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,})", Options, 1000)]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![0-9A-Za-z])(?<v>\d{17}[0-9Xx])(?![0-9A-Za-z])", Options, 1000)]
    private static partial Regex IdNumber18();

    [GeneratedRegex(@"(?<![0-9A-Za-z])(?<v>\d{15})(?![0-9A-Za-z])", Options, 1000)]
    private static partial Regex IdNumber15();

    /// <summary>Mobiles: 11 digits from 13–19, grouped by spaces or hyphens as people write them, with or without +86.</summary>
    [GeneratedRegex(@"(?<![\dA-Za-z])(?<v>(?:\+?86[\- ]?)?1[3-9]\d(?:[\- ]?\d){8})(?!\d)", Options, 1000)]
    private static partial Regex Mobile();

    /// <summary>Landlines with an area code: 0318-7521136, (0311)86012345, （0318）7512345, 0318 7256631, 010-62751234.</summary>
    [GeneratedRegex(@"(?<![\d*])(?<v>(?:[(（]0\d{2,3}[)）]|0\d{2,3})[\-－— ]?\d{7,8})(?!\d)", Options, 1000)]
    private static partial Regex Landline();

    /// <summary>A number of 7 or 8 digits after a phone word (电话、座机、固话、传真): a landline without its area code.</summary>
    [GeneratedRegex(@"(?:电话|座机|固话|传真|手机|号码|联系方式)(?:号码|号)?\s*(?:为|是)?\s*[:：]?\s*(?<v>\d{7,8})(?!\d)", Options, 1000)]
    private static partial Regex CuedPhone();

    /// <summary>Digit runs of 12 to 25 (groups by single spaces or hyphens): bank cards and accounts, and whatever else is that long.</summary>
    [GeneratedRegex(@"(?<![\d*A-Za-z])(?<v>\d{4}(?:[ \-]?\d){8,21})(?!\d)", Options, 1000)]
    private static partial Regex LongNumber();

    /// <summary>The number after 护照/通行证/台胞证/证件号码: any run of letters and digits.</summary>
    [GeneratedRegex(@"(?:护照|通行证|台胞证|旅行证|居留证|居住证|证件)(?:号码|号)?\s*(?:为|是)?\s*[:：]?\s*(?<v>[A-Za-z0-9]{6,18})", Options, 1000)]
    private static partial Regex CuedTravelDocument();

    /// <summary>Passport and permit numbers by shape: E12345678, EA1234567, G…, C…, H…/M… (Hong Kong, Macao).</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9\p{IsCJKUnifiedIdeographs}])(?<v>[EGDSPCHMK][A-Z]?\d{7,8})(?![A-Za-z0-9])", Options, 1000)]
    private static partial Regex TravelDocument();

    /// <summary>Licence plates: province, letter, optional separator, five or six letters and digits (or 挂/学/警…).</summary>
    [GeneratedRegex(@"(?<v>[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][·•\- ]?(?:[A-Z0-9]{5,6}|[A-Z0-9]{4}[挂学警港澳领试超]))(?![A-Za-z0-9])", Options, 1000)]
    private static partial Regex Plate();

    [GeneratedRegex(@"(?:微信|WeChat|wechat|VX|vx)(?:号|号码|账号|ID)?\s*(?:为|是)?\s*[:：]?\s*(?<v>wxid_[A-Za-z0-9_]+|[A-Za-z][A-Za-z0-9_\-]{4,19})|(?<v>wxid_[A-Za-z0-9_]{4,})", Options, 1000)]
    private static partial Regex WeChat();

    [GeneratedRegex(@"(?:QQ|qq)(?:号码|号|账号)?\s*(?:为|是)?\s*[:：（(]?\s*(?<v>[1-9]\d{4,11})(?!\d)", Options, 1000)]
    private static partial Regex Qq();

    private const string DatePattern = @"(?:\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{4}[\-./]\d{1,2}(?:[\-./]\d{1,2})?|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?)";

    [GeneratedRegex(@"(?:出生日期|出生年月日|出生年月|出生于|生于|生日|出生)\s*(?:为|是)?\s*[:：]?\s*(?<v>" + DatePattern + ")", Options, 1000)]
    private static partial Regex BirthBefore();

    [GeneratedRegex(@"(?<v>" + DatePattern + @")\s*(?:出生|生人|生)", Options, 1000)]
    private static partial Regex BirthAfter();

    /// <summary>An address after the words that introduce a person's home (住址、家住、居住在、暂住、户籍地、送达地址…), to the end of the clause.</summary>
    [GeneratedRegex(@"(?:租用的|租赁的|承租的|家庭住址|户籍地址|户籍所在地|户籍地|经常居住地|居住地|现住址|现住|住址|住所地|住所|家住|居住于|居住在|居住|租住于|租住在|租住的|租住|暂住于|暂住在|暂住|寄住在|送达地址|收货地址|通讯地址|联系地址|家庭地址|地址|住(?=\p{IsCJKUnifiedIdeographs}{1,8}?(?:省|自治区|市|县|区|镇|乡)))\s*(?:为|是|在|于)?\s*[:：]?\s*(?<v>[^，。；、,;）)\n“”]{2,60}?)(?=[，。；、,;）)\n“”]|的|$)", Options, 1000)]
    private static partial Regex CuedAddress();

    /// <summary>
    /// An address by its structure: optional province, city, county, town and village or estate, a road or street, and
    /// the door: a number, building, unit, room or village group. It must end at the door.
    /// </summary>
    [GeneratedRegex(@"(?<v>(?:[\p{IsCJKUnifiedIdeographs}-[与和在的将把对向从被为是了及其并由经据称]]{2,8}?(?:省|自治区))?(?:[\p{IsCJKUnifiedIdeographs}-[与和在的将把对向从被为是了及其并由经据称]]{1,8}?(?:市|自治州|地区|盟))?(?:[\p{IsCJKUnifiedIdeographs}-[与和在的将把对向从被为是了及其并由经据称]]{1,8}?(?:县|区|旗))?(?:[\p{IsCJKUnifiedIdeographs}-[与和在的将把对向从被为是了及其并由经据称]]{1,8}?(?:镇|乡|街道|苏木))?(?:[0-9A-Za-z\p{IsCJKUnifiedIdeographs}-[与和在的将把对向从被为是了及其并由经据称]]{1,12}?(?:路|街|巷|胡同|弄|大道|大街|里|村|社区|小区|花园|家园|公寓|新村|大院|苑|庄园|大厦|号院|号楼|号|栋|幢|座|单元|室|组|队|排|户|层|区)){2,9})", Options, 1000)]
    private static partial Regex StructuredAddress();

    /// <summary>A village or street named as the place of somebody's home: 位于…村的家中、在…的住宅内.</summary>
    [GeneratedRegex(@"(?:位于|在|至|到)(?<v>[\p{IsCJKUnifiedIdeographs}0-9]{3,30}?(?:村|屯|庄|组|小区|社区|号))(?:的|之)?(?:家中|家里|住宅|住处|住所|自建房|院内|院中|宅|老宅|住房|租住房|出租屋|家)", Options, 1000)]
    private static partial Regex PlaceOfHome();

    [GeneratedRegex(@"(?:公司|有限|厂|店|超市|商场|市场|酒店|宾馆|饭店|餐厅|医院|学校|经营场所|生产场所|注册地|营业地|办公地|办公)(?:位于|设在|在|于|地址|住所)?[:：为]?$", Options, 1000)]
    private static partial Regex OrganisationPremisesCue();

    /// <summary>
    /// Health details: a diagnosis, illness, injury, disability, pregnancy or infection, with what qualifies it
    /// (患有重度抑郁症、肢体残疾三级、怀孕7个月、乙肝病毒携带者、左前臂骨折、对花生严重过敏、血液中检出亚硝酸盐).
    /// </summary>
    [GeneratedRegex(@"(?:患有|罹患|身患|确诊为?|诊断为|突发|遗留)?(?:病毒携带者|携带者|尿毒症|抑郁症|精神分裂症|癔症|自闭症|症(?!状)|癌|瘤|肿瘤|糖尿病|高血压|冠心病|心脏病|肝病|肾病|皮肤病|传染病|精神病|阿尔茨海默病|白血病|艾滋病|结核|肝炎|皮炎|胃肠炎|肺炎|炎症|骨折|过敏(?!原)|中毒(?!死蜱)|偏瘫|瘫痪|截肢|失明|失聪|聋哑|残疾[一二三四五六七八九十]级|残疾|化脓|感染|梗死|梗塞|中风|脑出血|流产|怀孕[0-9一二三四五六七八九十]+个?月|怀孕|妊娠|HIV|阳性)|(?:肢体|视力|听力|言语|智力|精神|多重)?残疾(?:等级)?[一二三四]级|[一二三四]级(?:肢体|视力|听力|言语|智力|精神|多重)?残疾|(?:血液|尿液|体内|血样|尿样|呕吐物)中?检出[\p{IsCJKUnifiedIdeographs}]{2,10}", Options, 1000)]
    private static partial Regex Health();

    [GeneratedRegex(@"^(?:患有|罹患|身患|确诊|诊断为|突发|遗留|血液|尿液|体内|血样|尿样|呕吐物)", Options, 1000)]
    private static partial Regex HealthLead();

    /// <summary>An address reaches the door: a number, building, unit, room, lane or village group.</summary>
    [GeneratedRegex(@"[0-9一二三四五六七八九十百]+(?:号|室|单元|栋|幢|组|弄|队|号楼|户)", Options, 1000)]
    private static partial Regex DoorDetail();

    /// <summary>Where something is located, from a county or district down to the end of the clause (位于武邑县清凉店镇后西马村).</summary>
    [GeneratedRegex(@"位于(?<v>(?:\p{IsCJKUnifiedIdeographs}{2,8}?(?:省|自治区))?(?:\p{IsCJKUnifiedIdeographs}{1,8}?(?:市|自治州|盟))?\p{IsCJKUnifiedIdeographs}{1,8}?(?:县|区|旗|市)[^，。；、,;）)\n“”]{2,40}?)(?=[，。；、,;）)\n“”]|的|内|$)", Options, 1000)]
    private static partial Regex LocatedAddress();

    /// <summary>A village address: county or district, town or township, village, and its group or number (安平县西两洼乡北郝村).</summary>
    [GeneratedRegex(@"(?<v>(?:[\p{IsCJKUnifiedIdeographs}-[与和在的将把对向从被为是了及其并由经据称]]{1,6}?(?:省|自治区))?(?:[\p{IsCJKUnifiedIdeographs}-[与和在的将把对向从被为是了及其并由经据称]]{1,6}?(?:市|盟))?(?:[\p{IsCJKUnifiedIdeographs}-[与和在的将把对向从被为是了及其并由经据称]]{1,6}?(?:县|区|旗|市))[\p{IsCJKUnifiedIdeographs}-[与和在的将把对向从被为是了及其并由经据称]]{1,6}?(?:镇|乡|街道|苏木)[\p{IsCJKUnifiedIdeographs}-[与和在的将把对向从被为是了及其并由经据称]]{1,8}?(?:村|社区|屯)(?:[0-9\p{IsCJKUnifiedIdeographs}-[与和在的将把对向从被为是了及其并由经据称]]{0,8}?(?:组|号|队|排|户))?(?:村[东西南北][\p{IsCJKUnifiedIdeographs}-[与和在的将把对向从被为是了及其并由经据称]]{1,6}?(?:房|院|棚|场))?)", Options, 1000)]
    private static partial Regex VillageAddress();

    /// <summary>The words of an advertisement's or label's health claim, or of diseases of animals and plants, which are not a person's health.</summary>
    [GeneratedRegex(@"宣称|声称|宣传|广告|根治|治愈|治疗|预防|功效|疗效|主治|适用于|适宜|慎用|禁用|标签|说明书|疫病|病死|病害|病虫|病原|病媒|动物|牲畜|生猪|家禽|样品|产品|食品中|检验|检测|抽检|有碍食品安全的疾病|菌落|大肠|农药|兽药|含量|残留", Options, 1000)]
    private static partial Regex HealthClaim();
}
