namespace Sanxiang.Tlog.Crypto;

/// <summary>
/// The national-crypto hash suite: RFC 6962 §2.1 tree hashing with SM3 (GB/T 32905-2016) in place of SHA-256.
/// Obtain it through <see cref="HashSuites.Sm3"/>.
/// </summary>
public sealed class Sm3Suite : HashSuite
{
    internal Sm3Suite()
    {
    }

    /// <inheritdoc />
    public override string Name => "sm3";

    /// <inheritdoc />
    public override void Hash(ReadOnlySpan<byte> data, Span<byte> destination) => Crypto.Sm3.HashData(data, destination);

    /// <inheritdoc />
    public override IncrementalHasher CreateIncremental() => new Incremental();

    private sealed class Incremental : IncrementalHasher
    {
        private readonly Sm3Hasher _hasher = new();

        public override void Append(ReadOnlySpan<byte> data) => _hasher.Append(data);

        public override byte[] Finish() => _hasher.Finish();

        public override void Dispose()
        {
        }
    }
}
