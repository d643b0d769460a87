using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Sanxiang.Kernel.Security;

namespace Sanxiang.Kernel.Tests.Security;

/// <summary>RFC 6238 (TOTP) and RFC 4226 (HOTP) test vectors; Totp backs the second factor of SEC-AUTH-1.</summary>
public sealed class TotpTests
{
    private static readonly byte[] Seed20 = Encoding.ASCII.GetBytes("12345678901234567890");
    private static readonly byte[] Seed32 = Encoding.ASCII.GetBytes("12345678901234567890123456789012");
    private static readonly byte[] Seed64 = Encoding.ASCII.GetBytes("1234567890123456789012345678901234567890123456789012345678901234");

    private static byte[] SeedFor(TotpAlgorithm algorithm) => algorithm switch
    {
        TotpAlgorithm.Sha1 => Seed20,
        TotpAlgorithm.Sha256 => Seed32,
        _ => Seed64,
    };

    /// <summary>RFC 6238 Appendix B: every row of the table.</summary>
    [Theory]
    [InlineData(59L, "94287082", TotpAlgorithm.Sha1)]
    [InlineData(59L, "46119246", TotpAlgorithm.Sha256)]
    [InlineData(59L, "90693936", TotpAlgorithm.Sha512)]
    [InlineData(1111111109L, "07081804", TotpAlgorithm.Sha1)]
    [InlineData(1111111109L, "68084774", TotpAlgorithm.Sha256)]
    [InlineData(1111111109L, "25091201", TotpAlgorithm.Sha512)]
    [InlineData(1111111111L, "14050471", TotpAlgorithm.Sha1)]
    [InlineData(1111111111L, "67062674", TotpAlgorithm.Sha256)]
    [InlineData(1111111111L, "99943326", TotpAlgorithm.Sha512)]
    [InlineData(1234567890L, "89005924", TotpAlgorithm.Sha1)]
    [InlineData(1234567890L, "91819424", TotpAlgorithm.Sha256)]
    [InlineData(1234567890L, "93441116", TotpAlgorithm.Sha512)]
    [InlineData(2000000000L, "69279037", TotpAlgorithm.Sha1)]
    [InlineData(2000000000L, "90698825", TotpAlgorithm.Sha256)]
    [InlineData(2000000000L, "38618901", TotpAlgorithm.Sha512)]
    [InlineData(20000000000L, "65353130", TotpAlgorithm.Sha1)]
    [InlineData(20000000000L, "77737706", TotpAlgorithm.Sha256)]
    [InlineData(20000000000L, "47863826", TotpAlgorithm.Sha512)]
    public void Compute_MatchesRfc6238AppendixB(long unixSeconds, string expected, TotpAlgorithm algorithm)
    {
        Totp.Compute(SeedFor(algorithm), unixSeconds, digits: 8, algorithm).ShouldBe(expected);
    }

    /// <summary>RFC 4226 Appendix D: HOTP values for counters 0–9, 6 digits, SHA-1.</summary>
    [Theory]
    [InlineData(0L, "755224")]
    [InlineData(1L, "287082")]
    [InlineData(2L, "359152")]
    [InlineData(3L, "969429")]
    [InlineData(4L, "338314")]
    [InlineData(5L, "254676")]
    [InlineData(6L, "287922")]
    [InlineData(7L, "162583")]
    [InlineData(8L, "399871")]
    [InlineData(9L, "520489")]
    public void Hotp_MatchesRfc4226AppendixD(long counter, string expected)
    {
        Totp.Hotp(Seed20, counter).ShouldBe(expected);
    }

    [Fact]
    public void Compute_DefaultsToSixDigitsSha1ThirtySecondSteps()
    {
        // 94287082 at t=59 with 8 digits: the 6-digit code is its last six digits.
        Totp.Compute(Seed20, 59).ShouldBe("287082");
        Totp.Compute(Seed20, 30).ShouldBe(Totp.Hotp(Seed20, 1));
        Totp.Compute(Seed20, 29).ShouldBe(Totp.Hotp(Seed20, 0));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    public void Verify_AcceptsTheCurrentStepAndOneEitherSide_SECAUTH1(int offset)
    {
        const long now = 1_234_567_890;
        var step = now / Totp.StepSeconds;
        var code = Totp.Hotp(Seed20, step + offset);

        Totp.Verify(Seed20, code, now).ShouldBe(step + offset);
    }

    [Theory]
    [InlineData(-3)]
    [InlineData(-2)]
    [InlineData(2)]
    [InlineData(3)]
    public void Verify_RefusesCodesFurtherThanOneStep_SECAUTH1(int offset)
    {
        const long now = 1_234_567_890;
        var step = now / Totp.StepSeconds;
        var code = Totp.Hotp(Seed20, step + offset);
        var neighbours = new[] { -1, 0, 1 }.Select(i => Totp.Hotp(Seed20, step + i));

        // A code far away could coincide with a neighbour's by chance (1 in 10^6); then the test proves nothing.
        neighbours.ShouldNotContain(code);
        Totp.Verify(Seed20, code, now).ShouldBeNull();
    }

    [Fact]
    public void Verify_ReturnsTheMatchedStep_SoCallersCanRefuseReplay()
    {
        const long now = 1_111_111_111;
        var code = Totp.Compute(Seed20, now);

        var first = Totp.Verify(Seed20, code, now);
        var later = Totp.Verify(Seed20, code, now + Totp.StepSeconds);

        first.ShouldBe(now / Totp.StepSeconds);
        later.ShouldBe(first, "the same code in the next step matches the same step number, which the caller stores as LastTotpStep");
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("12 456")]
    [InlineData("-12345")]
    [InlineData("１２３４５６")]
    public void Verify_RefusesNonNumericOrWrongLengthInput(string code)
    {
        Totp.Verify(Seed20, code, 59).ShouldBeNull();
    }

    [Fact]
    public void Verify_RefusesNull()
    {
        Totp.Verify(Seed20, null!, 59).ShouldBeNull();
    }

    [Fact]
    public void Verify_RefusesACodeFromAnotherKey()
    {
        var other = Encoding.ASCII.GetBytes("09876543210987654321");
        var code = Totp.Compute(other, 1_234_567_890);
        code.ShouldNotBe(Totp.Compute(Seed20, 1_234_567_890));

        Totp.Verify(Seed20, code, 1_234_567_890, window: 0).ShouldBeNull();
    }
}

/// <summary>RFC 4648 base32 (the encoder omits padding, as authenticator apps expect).</summary>
public sealed class Base32Tests
{
    /// <summary>RFC 4648 §10 test vectors with the "=" padding removed.</summary>
    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void Encode_MatchesRfc4648Section10_WithoutPadding(string input, string expected)
    {
        Base32.Encode(Encoding.ASCII.GetBytes(input)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("MY======", "f")]
    [InlineData("MZXQ====", "fo")]
    [InlineData("MZXW6===", "foo")]
    [InlineData("MZXW6YQ=", "foob")]
    [InlineData("MZXW6YTB", "fooba")]
    [InlineData("MZXW6YTBOI======", "foobar")]
    [InlineData("mzxw 6ytb oi", "foobar")]
    public void Decode_AcceptsPaddedLowerCaseAndGroupedInput(string input, string expected)
    {
        Encoding.ASCII.GetString(Base32.Decode(input)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("MZXW1")]
    [InlineData("MZXW8")]
    [InlineData("MZ-XW")]
    public void Decode_RefusesCharactersOutsideTheAlphabet(string input)
    {
        Should.Throw<FormatException>(() => Base32.Decode(input));
    }

    [Fact]
    public void Decode_OfEncode_IsIdentity_ForAnyBytes()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            var text = Base32.Encode(bytes);
            return text.Length == (bytes.Length * 8 + 4) / 5
                && !text.Contains('=', StringComparison.Ordinal)
                && Base32.Decode(text).AsSpan().SequenceEqual(bytes);
        }).QuickCheckThrowOnFailure();
    }
}
