using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Domain;

namespace Sanxiang.Registry.Tests.Domain;

public sealed class OfficerTests
{
    private static readonly DateOnly Expiry = Given.Officer().ExpiresOn;

    [Fact]
    public void Register_Valid_NormalisesInput_AndRaisesRegistered()
    {
        var officer = Given.RegisteredOfficer(Given.Officer() with
        {
            Name = "  欧阳明华 ",
            IdNumber = "11010519491231002x",
            Areas = [" 市场监管", "市场监管", "食品安全", " "],
        });

        officer.AgencyId.ShouldBe(Given.AgencyId);
        officer.Name.ShouldBe("欧阳明华");
        officer.IdNumber.ShouldBe("11010519491231002X");
        officer.Areas.ShouldBe(["市场监管", "食品安全"]);
        officer.Status.ShouldBe(CertificateStatus.Valid);
        var e = officer.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<OfficerChanged>();
        e.EventType.ShouldBe("registry.officer.registered");
        e.AggregateId.ShouldBe(officer.Id);
        e.AgencyId.ShouldBe(Given.AgencyId);
    }

    [Fact]
    public void EffectiveStatus_AfterExpiry_IsExpired_REG1()
    {
        var officer = Given.RegisteredOfficer();

        officer.EffectiveStatus(Expiry.AddDays(1)).ShouldBe(CertificateStatus.Expired);
        officer.Status.ShouldBe(CertificateStatus.Valid, "expiry is derived, never stored");
    }

    [Fact]
    public void EffectiveStatus_OnTheExpiryDay_IsStillValid_REG1()
    {
        Given.RegisteredOfficer().EffectiveStatus(Expiry).ShouldBe(CertificateStatus.Valid);
    }

    [Theory]
    [InlineData(CertificateStatus.Suspended)]
    [InlineData(CertificateStatus.Revoked)]
    public void EffectiveStatus_OfSuspendedOrRevoked_StaysAsStored_AfterExpiry_REG1(CertificateStatus status)
    {
        var officer = Given.RegisteredOfficer();
        officer.ChangeStatus(status);

        officer.EffectiveStatus(Expiry.AddYears(1)).ShouldBe(status);
    }

    [Fact]
    public void EffectiveStatus_IsExpired_IffStoredValidAndExpiryBeforeToday_REG1()
    {
        var stored = Gen.Elements(CertificateStatus.Valid, CertificateStatus.Suspended, CertificateStatus.Revoked);
        var date = Gen.Choose(0, 365 * 100).Select(d => new DateOnly(1980, 1, 1).AddDays(d));
        var cases = from s in stored from expires in date from today in date select (s, expires, today);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var effective = Officer.EffectiveStatusOf(c.s, c.expires, c.today);
            var expired = c.s == CertificateStatus.Valid && c.expires < c.today;
            return (effective == CertificateStatus.Expired) == expired
                && (expired || effective == c.s);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ChangeStatus_ToExpired_IsRefused_REG1()
    {
        var officer = Given.RegisteredOfficer();

        var error = Given.Refused(() => officer.ChangeStatus(CertificateStatus.Expired)).ShouldHaveSingleItem();

        error.RuleId.ShouldBe("REG-1");
        error.Field.ShouldBe("Status");
        officer.Status.ShouldBe(CertificateStatus.Valid);
    }

    [Fact]
    public void ChangeStatus_ToAnUndefinedValue_IsRefused_REG1()
    {
        var officer = Given.RegisteredOfficer();

        Given.Refused(() => officer.ChangeStatus((CertificateStatus)42)).ShouldHaveSingleItem().RuleId.ShouldBe("REG-1");
    }

    [Theory]
    [InlineData(CertificateStatus.Valid)]
    [InlineData(CertificateStatus.Suspended)]
    public void ChangeStatus_FromRevoked_IsRefused_REG1(CertificateStatus target)
    {
        var officer = Given.RegisteredOfficer();
        officer.ChangeStatus(CertificateStatus.Revoked);

        Given.Refused(() => officer.ChangeStatus(target)).ShouldHaveSingleItem().RuleId.ShouldBe("REG-1");
        officer.Status.ShouldBe(CertificateStatus.Revoked);
    }

    [Fact]
    public void ChangeStatus_SuspendAndRestore_IsAllowed_AndRaisesEvents_REG1()
    {
        var officer = Given.RegisteredOfficer();
        officer.ClearDomainEvents();
        var version = officer.Version;

        officer.ChangeStatus(CertificateStatus.Suspended);
        officer.ChangeStatus(CertificateStatus.Valid);

        officer.Status.ShouldBe(CertificateStatus.Valid);
        officer.Version.ShouldBe(version + 2);
        officer.DomainEvents.Cast<OfficerChanged>().Select(e => e.Status).ShouldBe([CertificateStatus.Suspended, CertificateStatus.Valid]);
        officer.DomainEvents.ShouldAllBe(e => e.EventType == "registry.officer.status-changed");
    }

    [Theory]
    [InlineData("11010519491231002", "GB11643")]
    [InlineData("110105194912310021", "GB11643")]
    [InlineData("11010119990230001X", "GB11643")]
    [InlineData("11010519491231OO2X", "GB11643")]
    [InlineData("", "INPUT-REQUIRED")]
    [InlineData("   ", "INPUT-REQUIRED")]
    public void Register_WithInvalidIdNumber_IsRefused_GB11643(string idNumber, string rule)
    {
        var error = Given.Refused(() => Given.RegisteredOfficer(Given.Officer() with { IdNumber = idNumber })).ShouldHaveSingleItem();

        error.RuleId.ShouldBe(rule);
        error.Field.ShouldBe("IdNumber");
        if (idNumber.Trim().Length > 0)
        {
            error.Message.ShouldNotContain(idNumber, customMessage: "the message never repeats the ID number (SEC-PI-1)");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Register_ExpiringOnOrBeforeIssue_IsRefused(int days)
    {
        var data = Given.Officer() with { ExpiresOn = Given.Officer().IssuedOn.AddDays(days) };

        var error = Given.Refused(() => Given.RegisteredOfficer(data)).ShouldHaveSingleItem();

        error.RuleId.ShouldBe("INPUT-DATES");
        error.Field.ShouldBe("ExpiresOn");
    }

    [Fact]
    public void Register_NameAndCertificateLengths_AreChecked()
    {
        var data = Given.Officer() with { Name = new string('张', 51), CertificateNumber = new string('9', 31) };

        var errors = Given.Refused(() => Given.RegisteredOfficer(data));

        errors.Select(e => (e.Field, e.RuleId)).ShouldBe([("Name", "INPUT-LENGTH"), ("CertificateNumber", "INPUT-LENGTH")], ignoreOrder: true);
    }

    [Fact]
    public void Register_AtTheLengthLimits_IsAccepted()
    {
        var data = Given.Officer() with { Name = new string('张', 50), CertificateNumber = new string('9', 30), Areas = [new string('域', 20)] };

        Should.NotThrow(() => Given.RegisteredOfficer(data));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Register_WithNoneOrMoreThanTenAreas_IsRefused(int count)
    {
        var data = Given.Officer() with { Areas = [.. Enumerable.Range(1, count).Select(i => $"领域{i}")] };

        var error = Given.Refused(() => Given.RegisteredOfficer(data)).ShouldHaveSingleItem();

        error.RuleId.ShouldBe("INPUT-RANGE");
        error.Field.ShouldBe("Areas");
    }

    [Fact]
    public void Register_WithTenAreas_IsAccepted()
    {
        var data = Given.Officer() with { Areas = [.. Enumerable.Range(1, Officer.MaxAreas).Select(i => $"领域{i}")] };

        Given.RegisteredOfficer(data).Areas.Count.ShouldBe(10);
    }

    [Fact]
    public void Register_WithAnAreaLongerThanTwentyCharacters_IsRefused()
    {
        var data = Given.Officer() with { Areas = ["市场监管", new string('域', 21)] };

        Given.Refused(() => Given.RegisteredOfficer(data)).ShouldHaveSingleItem().RuleId.ShouldBe("INPUT-LENGTH");
    }

    [Fact]
    public void Update_Invalid_LeavesTheOfficerUnchanged()
    {
        var officer = Given.RegisteredOfficer();
        officer.ClearDomainEvents();

        Given.Refused(() => officer.Update(Given.Officer() with { Name = "", IdNumber = "123" })).Count.ShouldBe(2);

        officer.Name.ShouldBe(Given.OfficerName);
        officer.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void RecordTraining_AddsAYear_AndReplacesTheSameYear_REG6()
    {
        var officer = Given.RegisteredOfficer();
        officer.ClearDomainEvents();

        officer.RecordTraining(2025, 40);
        officer.RecordTraining(2026, 24);
        officer.RecordTraining(2025, 48);

        officer.Training.OrderBy(t => t.Year).Select(t => (t.Year, t.Hours)).ShouldBe([(2025, 48), (2026, 24)]);
        officer.DomainEvents.Count.ShouldBe(3);
        officer.DomainEvents.ShouldAllBe(e => e.EventType == "registry.officer.training-recorded");
    }

    [Theory]
    [InlineData(1999, 40, "Year")]
    [InlineData(2101, 40, "Year")]
    [InlineData(2025, -1, "Hours")]
    [InlineData(2025, 2001, "Hours")]
    public void RecordTraining_OutOfRange_IsRefused_REG6(int year, int hours, string field)
    {
        var officer = Given.RegisteredOfficer();

        var error = Given.Refused(() => officer.RecordTraining(year, hours)).ShouldHaveSingleItem();

        error.Field.ShouldBe(field);
        error.RuleId.ShouldBe("INPUT-RANGE");
        officer.Training.ShouldBeEmpty();
    }

    [Fact]
    public void Events_CarryNoPersonalData_SECPI1()
    {
        var officer = Given.RegisteredOfficer();
        officer.Update(Given.Officer() with { CertificateNumber = "JZ-35-0002" });
        officer.ChangeStatus(CertificateStatus.Suspended);
        officer.RecordTraining(2026, 40);
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        officer.DomainEvents.Count.ShouldBe(4);
        foreach (var e in officer.DomainEvents)
        {
            // Serialised the way ModuleDbContext writes the outbox payload (the runtime type, web defaults).
            var json = JsonSerializer.Serialize(e, e.GetType(), web);
            var escaped = JsonSerializer.Serialize(e, e.GetType());

            json.ShouldContain(officer.Id.ToString());
            foreach (var text in new[] { json, escaped })
            {
                text.ShouldNotContain(Given.OfficerName);
                text.ShouldNotContain(JsonSerializer.Serialize(Given.OfficerName).Trim('"'));
                text.ShouldNotContain(Given.OfficerIdNumber, Case.Insensitive);
                text.ShouldNotContain("19491231");
            }
        }
    }
}
