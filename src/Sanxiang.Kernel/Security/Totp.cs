using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Sanxiang.Kernel.Security;

public enum TotpAlgorithm
{
    Sha1,
    Sha256,
    Sha512,
}

/// <summary>
/// Time-based one-time passwords, RFC 6238 (over HOTP, RFC 4226): T = floor((unix time - T0) / step),
/// HMAC of T as a big-endian 8-byte counter, dynamic truncation, modulo 10^digits.
/// Authenticator apps use SHA-1, 30-second steps and 6 digits (the defaults here).
/// </summary>
public static class Totp
{
    public const int StepSeconds = 30;

    public static string Compute(ReadOnlySpan<byte> key, long unixSeconds, int digits = 6, TotpAlgorithm algorithm = TotpAlgorithm.Sha1)
        => Hotp(key, unixSeconds / StepSeconds, digits, algorithm);

    public static string Hotp(ReadOnlySpan<byte> key, long counter, int digits = 6, TotpAlgorithm algorithm = TotpAlgorithm.Sha1)
    {
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, counter);
        Span<byte> mac = stackalloc byte[64];
        var length = algorithm switch
        {
            TotpAlgorithm.Sha1 => HMACSHA1.HashData(key, message, mac),
            TotpAlgorithm.Sha256 => HMACSHA256.HashData(key, message, mac),
            _ => HMACSHA512.HashData(key, message, mac),
        };
        var offset = mac[length - 1] & 0x0f;
        var binary = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
        var modulo = (int)Math.Pow(10, digits);
        return (binary % modulo).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>
    /// Checks a code against the current step and one step either side (clock drift). Returns the matched
    /// step so the caller can refuse a code that was already used (replay).
    /// </summary>
    public static long? Verify(ReadOnlySpan<byte> key, string code, long unixSeconds, int window = 1)
    {
        if (code is null || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var step = unixSeconds / StepSeconds;
        for (var i = -window; i <= window; i++)
        {
            var expected = Hotp(key, step + i);
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(code)))
            {
                return step + i;
            }
        }

        return null;
    }
}

/// <summary>RFC 4648 base32 without padding, as authenticator apps expect for the shared secret.</summary>
public static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var sb = new System.Text.StringBuilder((data.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                sb.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            sb.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return sb.ToString();
    }

    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = text.Replace(" ", string.Empty, StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var output = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var v = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (v < 0)
            {
                throw new FormatException("Not base32");
            }

            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)((buffer >> (bits - 8)) & 0xff));
                bits -= 8;
            }
        }

        return [.. output];
    }
}
