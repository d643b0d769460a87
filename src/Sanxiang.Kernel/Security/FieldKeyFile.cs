using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Sanxiang.Tlog.Files;

namespace Sanxiang.Kernel.Security;

/// <summary>
/// The field-encryption keys (SEC-CRYPTO-1), kept outside the database: a file readable by the owner only (default
/// <c>{Data:Root}/crypto/field.keys</c>) or the setting <c>Security:FieldKeys</c> (an environment variable in production).
/// Lines: <c>current N</c>, one <c>N aes256gcm|sm4gcm BASE64KEY</c> per version, and <c>index BASE64KEY</c> (the key of
/// the blind index). Created on first start with one key of the configured suite; a file others may read is refused.
/// </summary>
public static class FieldKeyFile
{
    public sealed record Keys(IReadOnlyList<FieldKey> All, int Current, byte[] IndexKey);

    public static Keys Parse(string text)
    {
        var keys = new List<FieldKey>();
        int? current = null;
        byte[]? index = null;
        foreach (var raw in text.Split(['\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts is ["current", var c])
            {
                current = int.Parse(c, NumberStyles.None, CultureInfo.InvariantCulture);
            }
            else if (parts is ["index", var k])
            {
                index = Convert.FromBase64String(k);
            }
            else if (parts is [var v, var alg, var key])
            {
                var algorithm = alg switch { "aes256gcm" => FieldAlgorithm.Aes256Gcm, "sm4gcm" => FieldAlgorithm.Sm4Gcm, _ => throw new FormatException($"unknown field key algorithm {alg}") };
                var bytes = Convert.FromBase64String(key);
                if (bytes.Length != (algorithm == FieldAlgorithm.Aes256Gcm ? 32 : 16))
                {
                    throw new FormatException($"field key {v} has the wrong length for {alg}");
                }

                keys.Add(new FieldKey(int.Parse(v, NumberStyles.None, CultureInfo.InvariantCulture), algorithm, bytes));
            }
            else
            {
                throw new FormatException("malformed field key line");
            }
        }

        if (keys.Count == 0 || current is null || index is not { Length: >= 32 } || keys.All(k => k.Version != current))
        {
            throw new FormatException("the field keys need a current version, its key and an index key of 32 bytes");
        }

        return new Keys(keys, current.Value, index);
    }

    public static string Format(Keys keys)
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"current {keys.Current}\n");
        foreach (var k in keys.All.OrderBy(k => k.Version))
        {
            b.Append(CultureInfo.InvariantCulture, $"{k.Version} {(k.Algorithm == FieldAlgorithm.Aes256Gcm ? "aes256gcm" : "sm4gcm")} {Convert.ToBase64String(k.Key)}\n");
        }

        b.Append(CultureInfo.InvariantCulture, $"index {Convert.ToBase64String(keys.IndexKey)}\n");
        return b.ToString();
    }

    /// <summary>A new key of <paramref name="algorithm"/> (the next version) made current; older keys stay to read old values.</summary>
    public static Keys WithNewKey(Keys keys, FieldAlgorithm algorithm)
    {
        var version = keys.All.Max(k => k.Version) + 1;
        return keys with { All = [.. keys.All, NewKey(version, algorithm)], Current = version };
    }

    public static Keys LoadOrCreate(string path, FieldAlgorithm algorithm)
    {
        if (File.Exists(path))
        {
            return Parse(OwnerOnlyFiles.ReadSecret(path));
        }

        var keys = new Keys([NewKey(1, algorithm)], 1, RandomNumberGenerator.GetBytes(32));
        Save(path, keys);
        return keys;
    }

    /// <summary>Writes the keys owner-only, through a temporary file renamed into place.</summary>
    public static void Save(string path, Keys keys) => OwnerOnlyFiles.WriteSecret(path, Format(keys), overwrite: true);

    private static FieldKey NewKey(int version, FieldAlgorithm algorithm) =>
        new(version, algorithm, RandomNumberGenerator.GetBytes(algorithm == FieldAlgorithm.Aes256Gcm ? 32 : 16));
}
