using System.Security.Cryptography;

namespace Sanxiang.Tlog;

/// <summary>
/// The hash function of a log, fixed per log and named by its origin. Tree hashing follows RFC 6962 §2.1
/// (RFC 9162 §2.1.1): leaf = H(0x00 || entry), node = H(0x01 || left || right).
/// </summary>
public abstract class HashSuite
{
    /// <summary>Size of a hash in bytes (32 for both SHA-256 and SM3).</summary>
    public const int Size = 32;

    /// <summary>"sha256" or "sm3".</summary>
    public abstract string Name { get; }

    /// <summary>Plain hash of data (no domain separation), e.g. of an event payload or a file.</summary>
    public abstract void Hash(ReadOnlySpan<byte> data, Span<byte> destination);

    /// <summary>An incremental hasher for streams (files): append, then finish.</summary>
    public abstract IncrementalHasher CreateIncremental();

    public byte[] Hash(ReadOnlySpan<byte> data)
    {
        var result = new byte[Size];
        Hash(data, result);
        return result;
    }

    /// <summary>RFC 6962 leaf hash: H(0x00 || entry).</summary>
    public byte[] LeafHash(ReadOnlySpan<byte> entry)
    {
        var result = new byte[Size];
        LeafHash(entry, result);
        return result;
    }

    /// <summary>RFC 6962 leaf hash H(0x00 || entry) into <paramref name="destination"/> (at least 32 bytes).</summary>
    public virtual void LeafHash(ReadOnlySpan<byte> entry, Span<byte> destination)
    {
        var buffer = entry.Length < 1024 ? stackalloc byte[entry.Length + 1] : new byte[entry.Length + 1];
        buffer[0] = 0x00;
        entry.CopyTo(buffer[1..]);
        Hash(buffer, destination);
    }

    /// <summary>RFC 6962 interior node hash: H(0x01 || left || right).</summary>
    public byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var result = new byte[Size];
        NodeHash(left, right, result);
        return result;
    }

    /// <summary>
    /// RFC 6962 interior node hash H(0x01 || left || right) into <paramref name="destination"/> (at least 32
    /// bytes), which may overlap either input.
    /// </summary>
    public virtual void NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        Span<byte> buffer = stackalloc byte[1 + (2 * Size)];
        buffer[0] = 0x01;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + Size)..]);
        Hash(buffer, destination);
    }

    public static readonly HashSuite Sha256 = new Sha256Suite();

    private sealed class Sha256Suite : HashSuite
    {
        public override string Name => "sha256";

        // Through libcrypto with a reused context when it loads (Crypto/OpenSslSha256.cs), else .NET's one-shot.
        public override void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
        {
            if (Crypto.OpenSslSha256.IsAvailable)
            {
                Crypto.OpenSslSha256.Hash(data, destination);
            }
            else
            {
                SHA256.HashData(data, destination);
            }
        }

        public override IncrementalHasher CreateIncremental() => new Sha256Incremental();

        private sealed class Sha256Incremental : IncrementalHasher
        {
            private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

            public override void Append(ReadOnlySpan<byte> data) => _hash.AppendData(data);

            public override byte[] Finish() => _hash.GetHashAndReset();

            public override void Dispose() => _hash.Dispose();
        }
    }
}

/// <summary>A running hash over data that arrives in pieces.</summary>
public abstract class IncrementalHasher : IDisposable
{
    public abstract void Append(ReadOnlySpan<byte> data);

    public abstract byte[] Finish();

    public abstract void Dispose();
}
