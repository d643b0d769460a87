using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace Sanxiang.Kernel.Security;

/// <summary>The algorithm of a field key: AES-256-GCM, or SM4-GCM when the national suite is configured (GB/T 32907).</summary>
public enum FieldAlgorithm
{
    Aes256Gcm = 1,
    Sm4Gcm = 2,
}

/// <summary>One field-encryption key, with the version every value it encrypts carries.</summary>
public sealed record FieldKey(int Version, FieldAlgorithm Algorithm, byte[] Key);

/// <summary>
/// SEC-CRYPTO-1: important data encrypted at rest (parties' ID numbers, phones and addresses, officers' ID numbers, TOTP
/// secrets). A value is stored as <c>enc:v{version}:{base64(nonce ‖ ciphertext ‖ tag)}</c>, authenticated with GCM, the
/// key version in clear so that a rotation can find and re-encrypt what an older key wrote. A stored value without the
/// prefix is plaintext from before encryption and is read as it is (and encrypted on its next write).
/// </summary>
public sealed class FieldCipher
{
    public const string Prefix = "enc:v";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly Dictionary<int, FieldKey> _keys;

    public FieldCipher(IEnumerable<FieldKey> keys, int currentVersion)
    {
        _keys = keys.ToDictionary(k => k.Version);
        Current = _keys.TryGetValue(currentVersion, out var current) ? current : throw new ArgumentException("the current key version has no key", nameof(currentVersion));
    }

    public FieldKey Current { get; }

    /// <summary>The key versions this cipher can read.</summary>
    public IReadOnlyCollection<int> Versions => _keys.Keys;

    public string? Protect(string? plaintext)
    {
        if (plaintext is null)
        {
            return null;
        }

        var data = Encrypt(Current, Encoding.UTF8.GetBytes(plaintext));
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Current.Version}:{Convert.ToBase64String(data)}");
    }

    public string? Unprotect(string? stored)
    {
        if (stored is null || !stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return stored;
        }

        var colon = stored.IndexOf(':', Prefix.Length);
        if (colon < 0 || !int.TryParse(stored.AsSpan(Prefix.Length, colon - Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new CryptographicException("malformed encrypted value");
        }

        if (!_keys.TryGetValue(version, out var key))
        {
            throw new CryptographicException($"no field key of version {version} (the key file is missing a key)");
        }

        return Encoding.UTF8.GetString(Decrypt(key, Convert.FromBase64String(stored[(colon + 1)..])));
    }

    /// <summary>The key version a stored value was written with (null: plaintext).</summary>
    public static int? VersionOf(string? stored)
    {
        if (stored is null || !stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var colon = stored.IndexOf(':', Prefix.Length);
        return colon > 0 && int.TryParse(stored.AsSpan(Prefix.Length, colon - Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    internal static byte[] Encrypt(FieldKey key, byte[] plaintext)
    {
        var output = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        if (key.Algorithm == FieldAlgorithm.Aes256Gcm)
        {
            using var aes = new AesGcm(key.Key, TagSize);
            aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize, plaintext.Length), output.AsSpan(NonceSize + plaintext.Length, TagSize));
            return output;
        }

        var gcm = Sm4Gcm(key.Key, nonce.ToArray(), forEncryption: true);
        var written = gcm.ProcessBytes(plaintext, 0, plaintext.Length, output, NonceSize);
        gcm.DoFinal(output, NonceSize + written);
        return output;
    }

    internal static byte[] Decrypt(FieldKey key, byte[] data)
    {
        if (data.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("encrypted value too short");
        }

        var nonce = data.AsSpan(0, NonceSize);
        var plaintext = new byte[data.Length - NonceSize - TagSize];
        if (key.Algorithm == FieldAlgorithm.Aes256Gcm)
        {
            using var aes = new AesGcm(key.Key, TagSize);
            aes.Decrypt(nonce, data.AsSpan(NonceSize, plaintext.Length), data.AsSpan(NonceSize + plaintext.Length, TagSize), plaintext);
            return plaintext;
        }

        try
        {
            var gcm = Sm4Gcm(key.Key, nonce.ToArray(), forEncryption: false);
            var buffer = new byte[gcm.GetOutputSize(data.Length - NonceSize)];
            var written = gcm.ProcessBytes(data, NonceSize, data.Length - NonceSize, buffer, 0);
            written += gcm.DoFinal(buffer, written);
            return buffer[..written];
        }
        catch (Org.BouncyCastle.Crypto.InvalidCipherTextException e)
        {
            throw new CryptographicException("the encrypted value fails authentication", e);
        }
    }

    private static GcmBlockCipher Sm4Gcm(byte[] key, byte[] nonce, bool forEncryption)
    {
        var gcm = new GcmBlockCipher(new SM4Engine());
        gcm.Init(forEncryption, new AeadParameters(new KeyParameter(key), TagSize * 8, nonce));
        return gcm;
    }

    /// <summary>SM4 in ECB on one 16-byte block (GB/T 32907 test vectors; not used to store data).</summary>
    public static byte[] Sm4EncryptBlock(byte[] key, byte[] block)
    {
        var engine = new SM4Engine();
        engine.Init(true, new KeyParameter(key));
        var output = new byte[16];
        engine.ProcessBlock(block, 0, output, 0);
        return output;
    }
}
