using System.Globalization;
using Sanxiang.Cases.Contracts;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Validation;

namespace Sanxiang.Cases.Domain;

/// <summary>
/// The party (当事人). Natural persons carry an ID number (GB 11643), organisations a unified social credit
/// code (GB 32100). ID numbers, addresses and phones are personal data: shown only to those who may see the
/// case, masked elsewhere, never in events or logs (SEC-PI-1, APL-50).
/// </summary>
internal sealed record Party(
    PartyKind Kind,
    string Name,
    string? IdNumber,
    string? CreditCode,
    string? LegalRepresentative,
    string Address,
    string? Phone)
{
    public static Party Create(PartyKind kind, string? name, string? idNumber, string? creditCode, string? legalRepresentative, string? address, string? phone)
    {
        var check = new Check()
            .That(Enum.IsDefined(kind), "Party.Kind", "INPUT-ENUM", "当事人类型无效")
            .Required("Party.Name", "当事人名称", name, 100)
            .Required("Party.Address", "当事人地址", address, 200)
            .MaxLength("Party.Phone", "联系电话", phone, 30)
            .MaxLength("Party.LegalRepresentative", "法定代表人", legalRepresentative, 50);
        if (kind == PartyKind.Person)
        {
            check.That(ChineseIdentifiers.IsValidIdNumber(idNumber?.Trim()), "Party.IdNumber", "GB11643", "身份证号无效：须为18位且校验位正确（GB 11643）");
        }
        else if (kind == PartyKind.Organisation)
        {
            check.That(ChineseIdentifiers.IsValidCreditCode(creditCode?.Trim()), "Party.CreditCode", "GB32100", "统一社会信用代码无效：须为18位且校验位正确（GB 32100）");
            check.Required("Party.LegalRepresentative", "法定代表人（负责人）", legalRepresentative, 50);
        }

        check.ThrowIfAny();
        return kind == PartyKind.Person
            ? new Party(kind, name!.Trim(), idNumber!.Trim().ToUpperInvariant(), null, null, address!.Trim(), Clean(phone))
            : new Party(kind, name!.Trim(), null, creditCode!.Trim().ToUpperInvariant(), Clean(legalRepresentative), address!.Trim(), Clean(phone));
    }

    /// <summary>APL-30: a natural person's birth date, read from the GB 11643 number.</summary>
    public DateOnly? BirthDate => Kind == PartyKind.Person && IdNumber is { Length: 18 }
        && DateOnly.TryParseExact(IdNumber.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public int? AgeOn(DateOnly day)
    {
        if (BirthDate is not { } b)
        {
            return null;
        }

        var age = day.Year - b.Year;
        return b.AddYears(age) > day ? age - 1 : age;
    }

    /// <summary>The party's identifier as others may see it: ID numbers masked, credit codes in full (PUB-RED-2).</summary>
    public string MaskedIdentifier => Kind == PartyKind.Person && IdNumber is not null ? ChineseIdentifiers.MaskIdNumber(IdNumber) : CreditCode ?? string.Empty;

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
