using Sanxiang.Cases.Contracts;
using Sanxiang.Disclosure.Domain;

namespace Sanxiang.Web.Tests;

/// <summary>PUB-RED-2 masking of free text and the bigram terms of the search (ADR 0017), without the app.</summary>
public sealed class PublicationRedactionTests
{
    [Theory]
    [InlineData("身份证号110105199001010010。", "身份证号110105********0010。")]
    [InlineData("旧证号110105900101001，", "旧证号110105*****1001，")]
    [InlineData("电话138 1234 5678", "电话138****5678")]
    [InlineData("座机0571-88123456", "座机057****3456")]
    [InlineData("账号6222 0212 3456 7890 123", "账号****0123")]
    [InlineData("住址：城关镇幸福路18号，现已搬离", "住址：***，现已搬离")]
    [InlineData("经证人赵小红证实", "经证人赵**证实")]
    public void PUB_RED_2_PersonalDataInFreeText_IsMasked(string text, string masked) =>
        new Redaction([], null).Mask(text).ShouldBe(masked);

    [Fact]
    public void PUB_RED_2_KnownValuesAreMasked_AndThePartysOwnNameStays()
    {
        var r = new Redaction([new PersonalDatum(PersonalDataKind.PersonName, "钱某某"), new PersonalDatum(PersonalDataKind.Address, "某某村3组")], "张伟");
        r.Mask("张伟与钱某某在某某村3组经营，证人张伟在场").ShouldBe("张伟与钱**在***经营，证人张伟在场");
    }

    [Fact]
    public void PUB_RED_2_ANameACueIntroduces_IsMaskedWhereverItAppears_InAnyOfTheCasesTexts()
    {
        const string facts = "会计孙丽丽的个人账户收取货款，见证人孙丽丽在场；王芳记账。";
        const string reasons = "证人王芳证实，当事人张伟认可。";
        var r = new Redaction([], "张伟", [facts, reasons]);
        r.Mask(facts).ShouldBe("会计孙**的个人账户收取货款，见证人孙**在场；王*记账。");
        r.Mask(reasons).ShouldBe("证人王*证实，当事人张伟认可。"); // the name ends where what the witness did begins
        new Redaction([], "张伟", ["证人张伟强在场"]).Mask("证人张伟强在场，当事人张伟称").ShouldBe("证人张**在场，当事人张伟称", "张伟强 is another person; the party's own name stays");
    }

    [Fact]
    public void Search_TwoCharacterWordsAreBigrams_AndQueriesNeedAllOfThem()
    {
        var terms = Bigrams.Terms("责令停产停业，罚款2000元；案号ＡＢ12");
        terms.ShouldContain("停产");
        terms.ShouldContain("罚款");
        terms.ShouldContain("2000");
        terms.ShouldContain("ab12");
        terms.ShouldNotContain("业罚");
        terms.ShouldContain("业", "the last character of a run is a term, so a one-character search finds it there too");
        terms.ShouldNotContain("停");
        Bigrams.Query("停产停业").Terms.ShouldBe(["产停", "停业", "停产"], ignoreOrder: true);
        Bigrams.Query("罚").Single.ShouldBe("罚");
        Bigrams.Query("罚").Terms.ShouldBeEmpty();
    }
}
