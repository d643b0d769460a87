using System.Text;
using Sanxiang.Kernel.Security;

namespace Sanxiang.Kernel.Tests;

/// <summary>RFC 6238 appendix B test vectors (SHA-1, 8 digits) and the base32 round trip the sign-in tests rely on.</summary>
public sealed class TotpTests
{
    private static readonly byte[] RfcKey = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1111111111L, "14050471")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    [InlineData(20000000000L, "65353130")]
    public void Compute_MatchesRfc6238Vectors(long unixSeconds, string expected) =>
        Totp.Compute(RfcKey, unixSeconds, digits: 8).ShouldBe(expected);

    [Fact]
    public void Verify_ReturnsTheMatchedStep_WithinOneStepOfDrift()
    {
        const long now = 1_700_000_000;
        var previous = Totp.Compute(RfcKey, now - Totp.StepSeconds);

        Totp.Verify(RfcKey, previous, now).ShouldBe((now / Totp.StepSeconds) - 1);
        Totp.Verify(RfcKey, previous, now + (2 * Totp.StepSeconds)).ShouldBeNull();
    }

    [Fact]
    public void Base32_RoundTrips()
    {
        var bytes = Enumerable.Range(0, 20).Select(i => (byte)(i * 13)).ToArray();

        Base32.Decode(Base32.Encode(bytes).ToLowerInvariant()).ShouldBe(bytes);
    }
}
